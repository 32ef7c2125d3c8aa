import { and, eq, isNotNull, isNull, lt } from 'drizzle-orm'
import { payments } from '@/db/schema'
import { logEvent } from '@/features/events/log-event'
import { logger } from '@/lib/logger'
import { getContext } from '@/server/context'
import { paymentsProvider } from './provider'

/**
 * Sends a requested refund to the provider once. The provider call carries an idempotency key,
 * so a retry after a crash (see retryDueRefunds) can never refund twice.
 */
export async function refundPayment(paymentId: string): Promise<boolean> {
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
  if (!payment) return false
  try {
    const { providerRefundId } = await paymentsProvider().refund({
      providerPaymentId: payment.providerPaymentId,
      amountCents: payment.amountCents,
      idempotencyKey: `refund-${payment.id}`,
    })
    return await db.transaction(async (tx) => {
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
  } catch (error) {
    logger().error({ err: error, paymentId }, 'refund failed; it will be retried')
    return false
  }
}

/** Refunds requested more than a minute ago that have not gone through yet. */
export async function retryDueRefunds(): Promise<void> {
  const due = await getContext()
    .database.db.select({ id: payments.id })
    .from(payments)
    .where(
      and(
        isNotNull(payments.refundRequestedAt),
        isNull(payments.refundedAt),
        lt(payments.refundRequestedAt, new Date(Date.now() - 60_000)),
      ),
    )
    .limit(50)
  for (const { id } of due) await refundPayment(id)
}
