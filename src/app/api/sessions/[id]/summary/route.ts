import { getSummaryForUser } from '@/features/summaries/get-summary'
import { saveSummaryDraft } from '@/features/summaries/save-summary-draft'
import { summaryDraftSchema } from '@/features/summaries/schemas'
import { apiRoute, idParams } from '@/server/api-route'

/** The summary: the customer and admins see it once sent; the mechanic also sees the draft. */
export const GET = apiRoute(
  { access: 'signed-in', params: idParams },
  async ({ user, params }) => ({ summary: await getSummaryForUser(user, params.id) }),
)

/** Saves the mechanic's draft (409 once the summary is sent). */
export const PUT = apiRoute(
  { access: 'mechanic', params: idParams, body: summaryDraftSchema },
  async ({ user, params, body }) => ({ summary: await saveSummaryDraft(user, params.id, body) }),
)
