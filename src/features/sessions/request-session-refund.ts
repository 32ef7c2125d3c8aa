import { and, eq, isNull } from 'drizzle-orm'
import type { Transaction } from '@/db/client'
import { checkouts, payments } from '@/db/schema'
import { enqueueRefund } from '@/features/payments/refund-payment-job'

/**
 * Marks the booking payment of a session that ended without the service (expired, cancelled) for
 * refund, in the same transaction as the status change; the refund job runs after commit.
 */
export async function requestBookingRefund(
  tx: Transaction,
  sessionId: string,
  reason: string,
): Promise<string | null> {
  const [payment] = await tx
    .select({ id: payments.id })
    .from(payments)
    .innerJoin(checkouts, eq(checkouts.id, payments.checkoutId))
    .where(
      and(
        eq(payments.sessionId, sessionId),
        eq(checkouts.kind, 'booking'),
        isNull(payments.refundRequestedAt),
      ),
    )
  if (!payment) return null
  await tx
    .update(payments)
    .set({ refundRequestedAt: new Date(), refundReason: reason })
    .where(eq(payments.id, payment.id))
  await enqueueRefund(tx, payment.id)
  return payment.id
}
