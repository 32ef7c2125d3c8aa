import { errorResponse, REQUEST_ID_HEADER } from './api-route'
import { requireBearerToken } from './bearer-token'
import { getContext } from './context'

/**
 * The edge for external schedulers: `Authorization: Bearer <CRON_SECRET>` checked in one place
 * before the handler runs. Without CRON_SECRET the route answers 404; a wrong or missing token
 * 401, and nothing runs.
 */
export function cronRoute(handler: (input: { req: Request }) => Promise<unknown>) {
  return async (req: Request): Promise<Response> => {
    const requestId = req.headers.get(REQUEST_ID_HEADER) ?? crypto.randomUUID()
    try {
      requireBearerToken(req, getContext().env.CRON_SECRET)
      return Response.json(await handler({ req }), { headers: { 'cache-control': 'no-store' } })
    } catch (error) {
      return errorResponse(error, requestId)
    }
  }
}
