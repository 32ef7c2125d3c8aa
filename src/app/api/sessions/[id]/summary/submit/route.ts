import { summarySubmitSchema } from '@/features/summaries/schemas'
import { submitSummary } from '@/features/summaries/submit-summary'
import { apiRoute, idParams } from '@/server/api-route'

/** Sends the summary to the customer, once; a second submit is 409 and sends nothing. */
export const POST = apiRoute(
  { access: 'mechanic', params: idParams, body: summarySubmitSchema },
  async ({ user, params, body }) => ({ summary: await submitSummary(user, params.id, body) }),
)
