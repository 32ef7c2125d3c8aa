import { rateSession } from '@/features/summaries/rate-session'
import { ratingSchema } from '@/features/summaries/schemas'
import { apiRoute, idParams } from '@/server/api-route'

/** The customer's rating of the session, once (a second is 409). */
export const POST = apiRoute(
  { access: 'customer', params: idParams, body: ratingSchema },
  async ({ user, params, body }) =>
    Response.json({ rating: await rateSession(user, params.id, body) }, { status: 201 }),
)
