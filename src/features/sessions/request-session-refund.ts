import { and, desc, eq, isNull } from 'drizzle-orm'
import type { Transaction } from '@/db/client'
import { checkouts, payments, sessionExtensions } from '@/db/schema'
import { enqueueRefund } from '@/features/payments/refund-payment-job'
import { remainingMs } from './session-clock'
import type { SessionRow } from './transition-session'
import { unusedExtensions } from './unused-extensions'

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

/**
 * Refunds, newest first, each paid extension whose minutes all lay after the end (ADR 0043): a
 * session ended early, by a participant, support or the maximum length, never charges for bought
 * time the clock never reached. An extension partly used is kept (refunds are whole payments).
 */
export async function requestUnusedExtensionRefunds(
  tx: Transaction,
  session: SessionRow,
  now: Date,
  reason: string,
): Promise<string[]> {
  const extensions = await tx
    .select({
      paymentId: sessionExtensions.paymentId,
      minutes: sessionExtensions.minutes,
      refundRequestedAt: payments.refundRequestedAt,
    })
    .from(sessionExtensions)
    .innerJoin(payments, eq(payments.id, sessionExtensions.paymentId))
    .where(eq(sessionExtensions.sessionId, session.id))
    .orderBy(desc(sessionExtensions.createdAt))
  const refunded: string[] = []
  for (const extension of unusedExtensions(remainingMs(session, now), extensions)) {
    if (extension.refundRequestedAt) continue
    await tx
      .update(payments)
      .set({ refundRequestedAt: now, refundReason: reason })
      .where(and(eq(payments.id, extension.paymentId), isNull(payments.refundRequestedAt)))
    await enqueueRefund(tx, extension.paymentId)
    refunded.push(extension.paymentId)
  }
  return refunded
}
