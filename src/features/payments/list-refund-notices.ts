import { and, desc, eq, gt, isNotNull } from 'drizzle-orm'
import { checkouts, payments } from '@/db/schema'
import { formatPrice } from '@/features/catalogue/catalogue'
import { getContext } from '@/server/context'

export type RefundNotice = {
  paymentId: string
  sessionId: string | null
  amountCents: number
  refundedAt: string
  message: string
}

const RECENT_DAYS = 14

/** Refunds the customer should hear about on their dashboard, newest first. */
export async function listRefundNotices(customerId: string): Promise<RefundNotice[]> {
  const since = new Date(Date.now() - RECENT_DAYS * 24 * 60 * 60_000)
  const rows = await getContext()
    .database.db.select({
      paymentId: payments.id,
      sessionId: payments.sessionId,
      amountCents: payments.amountCents,
      refundedAt: payments.refundedAt,
      reason: payments.refundReason,
    })
    .from(payments)
    .innerJoin(checkouts, eq(checkouts.id, payments.checkoutId))
    .where(
      and(
        eq(checkouts.customerId, customerId),
        isNotNull(payments.refundedAt),
        gt(payments.refundedAt, since),
      ),
    )
    .orderBy(desc(payments.refundedAt))
    .limit(10)
  return rows.map((row) => ({
    paymentId: row.paymentId,
    sessionId: row.sessionId,
    amountCents: row.amountCents,
    refundedAt: row.refundedAt?.toISOString() ?? '',
    message: messageFor(row.reason, formatPrice(row.amountCents)),
  }))
}

function messageFor(reason: string | null, amount: string): string {
  switch (reason) {
    case 'request_expired':
      return `No mechanic was available in time, so your ${amount} was refunded.`
    case 'session_already_ended':
      return `Your extension payment arrived after the session had ended, so your ${amount} was refunded.`
    case 'customer_has_active_session':
      return `You already had an active session, so the second payment of ${amount} was refunded.`
    case 'checkout_cancelled':
      return `That checkout had been cancelled, so your ${amount} was refunded.`
    default:
      return `Your session was cancelled before it got under way, so your ${amount} was refunded.`
  }
}
