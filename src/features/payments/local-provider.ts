import type { PaymentsProvider } from './provider'

const compact = (id: string) => id.replaceAll('-', '')

/**
 * Works with no account and no network: the checkout is our own page (/checkout/local/[id]);
 * paying there posts a Stripe-format event, signed with the local secret, to the real webhook
 * route (see pay-local-checkout.ts). Refunds are recorded as done.
 */
export function createLocalProvider({
  webhookSecret,
}: {
  webhookSecret: string
}): PaymentsProvider {
  return {
    name: 'local',
    webhookSecret,
    async createCheckout(request) {
      return {
        providerCheckoutId: `cs_local_${compact(request.checkoutId)}`,
        url: `/checkout/local/${request.checkoutId}`,
      }
    },
    async cancelCheckout() {},
    // Paying locally posts the event in the same request: there is no lost webhook to find.
    async checkoutPaymentStatus() {
      return 'unknown'
    },
    async refund({ idempotencyKey }) {
      return { providerRefundId: `re_local_${compact(idempotencyKey).slice(-24)}` }
    },
  }
}
