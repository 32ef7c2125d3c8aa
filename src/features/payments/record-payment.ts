import { eq } from 'drizzle-orm'
import type { Transaction } from '@/db/client'
import { checkouts, payments } from '@/db/schema'
import type { Checkout } from './checkout-handlers'
import { enqueueReceipt } from './enqueue-payment-emails'

export type RecordPaymentInput = {
  checkout: Checkout
  providerPaymentId: string
  /** The session the money is for; a booking passes the session it has just created. */
  sessionId?: string | null
  /** Set when the money has to go back: the payment is recorded as due for a refund. */
  refundReason?: string
}

/**
 * Records money received for a checkout and closes the checkout as paid, in the caller's
 * transaction. The only insert into `payments`; one payment per checkout (unique index).
 */
export async function recordPayment(
  tx: Transaction,
  { checkout, providerPaymentId, sessionId = checkout.sessionId, refundReason }: RecordPaymentInput,
): Promise<{ id: string }> {
  const [payment] = await tx
    .insert(payments)
    .values({
      checkoutId: checkout.id,
      sessionId,
      provider: checkout.provider,
      providerPaymentId,
      amountCents: checkout.amountCents,
      currency: checkout.currency,
      ...(refundReason ? { refundRequestedAt: new Date(), refundReason } : {}),
    })
    .returning({
      id: payments.id,
      amountCents: payments.amountCents,
      currency: payments.currency,
      paidAt: payments.paidAt,
    })
  if (!payment) throw new Error('payment insert returned nothing')
  // Money kept gets a receipt; money going back gets the refund notice from `enqueueRefund`.
  if (!refundReason) await enqueueReceipt(tx, checkout, payment)
  await tx
    .update(checkouts)
    .set({ status: 'paid', completedAt: new Date(), sessionId })
    .where(eq(checkouts.id, checkout.id))
  return { id: payment.id }
}
