import { handleStripeWebhook } from '@/features/payments/handle-stripe-webhook'
import { errorResponse, REQUEST_ID_HEADER, readRawBody } from '@/server/api-route'
import { checkoutHandlers } from '@/server/checkout-handlers'

/** Stripe (or the local checkout) calls this; the signature on the raw body is the only auth. */
export async function POST(req: Request): Promise<Response> {
  const requestId = req.headers.get(REQUEST_ID_HEADER) ?? crypto.randomUUID()
  try {
    const rawBody = await readRawBody(req)
    const signature = req.headers.get('stripe-signature')
    return Response.json(await handleStripeWebhook(rawBody, signature, checkoutHandlers))
  } catch (error) {
    return errorResponse(error, requestId)
  }
}
