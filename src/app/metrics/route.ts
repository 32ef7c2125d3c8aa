import { metrics } from '@/features/metrics/metrics'
import { errorResponse, REQUEST_ID_HEADER } from '@/server/api-route'
import { requireBearerToken } from '@/server/bearer-token'
import { getContext } from '@/server/context'

export const dynamic = 'force-dynamic'

/** Prometheus scrape endpoint, behind `Authorization: Bearer <METRICS_TOKEN>`. */
export async function GET(req: Request): Promise<Response> {
  const requestId = req.headers.get(REQUEST_ID_HEADER) ?? crypto.randomUUID()
  try {
    requireBearerToken(req, getContext().env.METRICS_TOKEN)
    const { registry } = metrics()
    return new Response(await registry.metrics(), {
      headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' },
    })
  } catch (error) {
    return errorResponse(error, requestId)
  }
}
