import { env } from '@/lib/env'
import { createLocalProvider } from './local-provider'
import { resolveLocalWebhookSecret } from './local-webhook-secret'
import { createStripeProvider } from './stripe-provider'

export type CheckoutRequest = {
  checkoutId: string
  description: string
  amountCents: number
  currency: 'usd'
  customerEmail: string
  /** Copied to the Checkout Session and its PaymentIntent; the webhook cross-checks it. */
  metadata: Record<string, string>
  successUrl: string
  cancelUrl: string
}

/** The payment provider behind booking and extensions: Stripe with keys, a local one without. */
export type PaymentsProvider = {
  readonly name: 'local' | 'stripe'
  /** Secret the webhook route verifies event signatures with. */
  readonly webhookSecret: string
  createCheckout(request: CheckoutRequest): Promise<{ providerCheckoutId: string; url: string }>
  /** Makes an unpaid checkout unusable (a cancelled booking can no longer be paid). */
  cancelCheckout(providerCheckoutId: string): Promise<void>
  /**
   * Whether the customer paid, asked of the provider itself (the monitor's check for a webhook
   * that never came). `unknown` when the provider keeps no state of its own to ask.
   */
  checkoutPaymentStatus(providerCheckoutId: string): Promise<'paid' | 'unpaid' | 'unknown'>
  refund(input: {
    providerPaymentId: string
    amountCents: number
    idempotencyKey: string
  }): Promise<{ providerRefundId: string }>
}

const globalForPayments = globalThis as unknown as { __autodoctorPayments?: PaymentsProvider }

export function paymentsProvider(): PaymentsProvider {
  if (!globalForPayments.__autodoctorPayments) {
    const serverEnv = env()
    const { STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET } = serverEnv
    globalForPayments.__autodoctorPayments =
      STRIPE_SECRET_KEY && STRIPE_WEBHOOK_SECRET
        ? createStripeProvider({
            secretKey: STRIPE_SECRET_KEY,
            webhookSecret: STRIPE_WEBHOOK_SECRET,
          })
        : createLocalProvider({ webhookSecret: resolveLocalWebhookSecret(serverEnv) })
  }
  return globalForPayments.__autodoctorPayments
}

/** Tests swap in a provider that fails on purpose; the default is restored with `undefined`. */
export function setPaymentsProvider(provider: PaymentsProvider | undefined): void {
  globalForPayments.__autodoctorPayments = provider
}
