import { metrics } from '@/features/metrics/metrics'
import { handleStripeWebhook } from '@/features/payments/handle-stripe-webhook'
import { AppError } from '@/lib/errors'
import { errorResponse, REQUEST_ID_HEADER, readRawBody } from '@/server/api-route'
import { checkoutHandlers } from '@/server/checkout-handlers'

/** Stripe (or the local checkout) calls this; the signature on the raw body is the only auth. */
export async function POST(req: Request): Promise<Response> {
  const requestId = req.headers.get(REQUEST_ID_HEADER) ?? crypto.randomUUID()
  try {
    const rawBody = await readRawBody(req)
    const signature = req.headers.get('stripe-signature')
    const result = await handleStripeWebhook(rawBody, signature, checkoutHandlers)
    metrics().webhookOutcomes.inc({ outcome: result.ignored ? 'ignored' : 'applied' })
    return Response.json(result)
  } catch (error) {
    metrics().webhookOutcomes.inc({ outcome: error instanceof AppError ? 'refused' : 'error' })
    return errorResponse(error, requestId)
  }
}
