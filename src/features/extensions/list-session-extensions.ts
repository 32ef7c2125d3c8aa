import { asc, eq } from 'drizzle-orm'
import { payments, sessionExtensions } from '@/db/schema'
import { getContext } from '@/server/context'

export type SessionExtension = {
  id: string
  minutes: number
  amountCents: number
  createdAt: string
  /** Unused when the session ended (ADR 0043), or paid after it: refunded, or on its way. */
  refund: 'refunded' | 'requested' | null
}

export async function listSessionExtensions(sessionId: string): Promise<SessionExtension[]> {
  const rows = await getContext()
    .database.db.select({
      id: sessionExtensions.id,
      minutes: sessionExtensions.minutes,
      amountCents: sessionExtensions.amountCents,
      createdAt: sessionExtensions.createdAt,
      refundRequestedAt: payments.refundRequestedAt,
      refundedAt: payments.refundedAt,
    })
    .from(sessionExtensions)
    .leftJoin(payments, eq(payments.id, sessionExtensions.paymentId))
    .where(eq(sessionExtensions.sessionId, sessionId))
    .orderBy(asc(sessionExtensions.createdAt))
  return rows.map(({ refundRequestedAt, refundedAt, ...row }) => ({
    ...row,
    createdAt: row.createdAt.toISOString(),
    refund: refundedAt ? 'refunded' : refundRequestedAt ? 'requested' : null,
  }))
}
