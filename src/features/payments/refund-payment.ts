import { and, eq, isNotNull, isNull } from 'drizzle-orm'
import { payments } from '@/db/schema'
import { logEvent } from '@/features/events/log-event'
import { notifySessionChanged } from '@/features/sessions/notify-session-changed'
import { getContext } from '@/server/context'
import { paymentsProvider } from './provider'

/**
 * Sends a requested refund to the provider; run by the `payment.refund` job, which retries it when
 * the provider fails. The provider call carries an idempotency key and `refunded_at` is set by a
 * conditional update, so running it again after a crash can never refund twice.
 */
export async function refundPayment(paymentId: string): Promise<void> {
  const { db } = getContext().database
  const [payment] = await db
    .select()
    .from(payments)
    .where(
      and(
        eq(payments.id, paymentId),
        isNotNull(payments.refundRequestedAt),
        isNull(payments.refundedAt),
      ),
    )
  if (!payment) return
  const { providerRefundId } = await paymentsProvider().refund({
    providerPaymentId: payment.providerPaymentId,
    amountCents: payment.amountCents,
    idempotencyKey: `refund-${payment.id}`,
  })
  const refunded = await db.transaction(async (tx) => {
    const [done] = await tx
      .update(payments)
      .set({ refundedAt: new Date(), providerRefundId })
      .where(and(eq(payments.id, payment.id), isNull(payments.refundedAt)))
      .returning({ id: payments.id })
    if (!done) return false
    await logEvent(tx, {
      type: 'payment.refunded',
      actorId: null,
      subjectId: payment.sessionId ?? payment.checkoutId,
      data: {
        paymentId: payment.id,
        amountCents: payment.amountCents,
        reason: payment.refundReason,
      },
    })
    return true
  })
  // The customer's dashboard shows what was refunded.
  if (refunded && payment.sessionId) await notifySessionChanged(payment.sessionId)
}
