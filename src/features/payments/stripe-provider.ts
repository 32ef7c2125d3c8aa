import Stripe from 'stripe'
import type { PaymentsProvider } from './provider'

export function createStripeProvider({
  secretKey,
  webhookSecret,
}: {
  secretKey: string
  webhookSecret: string
}): PaymentsProvider {
  const stripe = new Stripe(secretKey)
  return {
    name: 'stripe',
    webhookSecret,
    async createCheckout(request) {
      const session = await stripe.checkout.sessions.create(
        {
          mode: 'payment',
          line_items: [
            {
              quantity: 1,
              price_data: {
                currency: request.currency,
                unit_amount: request.amountCents,
                product_data: { name: request.description },
              },
            },
          ],
          customer_email: request.customerEmail,
          client_reference_id: request.checkoutId,
          // The webhook reads the Checkout Session; the PaymentIntent carries the same for refunds
          // and the dashboard.
          metadata: request.metadata,
          payment_intent_data: { metadata: request.metadata },
          success_url: request.successUrl,
          cancel_url: request.cancelUrl,
        },
        { idempotencyKey: `checkout-${request.checkoutId}` },
      )
      if (!session.url) throw new Error('Stripe returned a Checkout Session without a URL')
      return { providerCheckoutId: session.id, url: session.url }
    },
    async cancelCheckout(providerCheckoutId) {
      const session = await stripe.checkout.sessions.retrieve(providerCheckoutId)
      if (session.status === 'open') await stripe.checkout.sessions.expire(providerCheckoutId)
    },
    async checkoutPaymentStatus(providerCheckoutId) {
      const session = await stripe.checkout.sessions.retrieve(providerCheckoutId)
      return session.payment_status === 'unpaid' ? 'unpaid' : 'paid'
    },
    async refund({ providerPaymentId, amountCents, idempotencyKey }) {
      const refund = await stripe.refunds.create(
        { payment_intent: providerPaymentId, amount: amountCents },
        { idempotencyKey },
      )
      return { providerRefundId: refund.id }
    },
  }
}
