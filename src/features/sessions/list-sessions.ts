import { and, desc, eq, inArray, or, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { checkouts, payments, sessions, users } from '@/db/schema'
import { plans } from '@/features/catalogue/catalogue'
import { getContext } from '@/server/context'
import { liveSeconds } from './session-clock'
import type { SessionStatus } from './statuses'

const customers = alias(users, 'customers')
const mechanics = alias(users, 'mechanics')

/** What dashboards and the admin list show of a session; never the raw row. */
export type SessionSummary = {
  id: string
  plan: string
  planLabel: string
  type: 'chat' | 'video'
  status: SessionStatus
  vehicle: string
  concern: string
  customerName: string
  mechanicId: string | null
  mechanicName: string | null
  requestedAt: string
  startedAt: string | null
  endedAt: string | null
  endReason: string | null
  /** The paid length of the clock, extensions included. */
  durationSeconds: number
  /** Seconds between going live and ending; null if it never went live. */
  liveSeconds: number | null
  paidCents: number
  refundedCents: number
}

export async function listSessions(filter: {
  userId?: string
  statuses?: readonly SessionStatus[]
  limit?: number
}): Promise<SessionSummary[]> {
  const conditions: SQL[] = []
  if (filter.userId) {
    const mine = or(eq(sessions.customerId, filter.userId), eq(sessions.mechanicId, filter.userId))
    if (mine) conditions.push(mine)
  }
  if (filter.statuses?.length) conditions.push(inArray(sessions.status, [...filter.statuses]))
  const rows = await getContext()
    .database.db.select({
      session: sessions,
      customerName: customers.name,
      mechanicName: mechanics.name,
    })
    .from(sessions)
    .innerJoin(customers, eq(customers.id, sessions.customerId))
    .leftJoin(mechanics, eq(mechanics.id, sessions.mechanicId))
    .where(and(...conditions))
    .orderBy(desc(sessions.requestedAt))
    .limit(filter.limit ?? 100)
  const money = await paymentsBySession(rows.map((row) => row.session.id))
  return rows.map(({ session, customerName, mechanicName }) =>
    toSessionSummary(session, { customerName, mechanicName }, money.get(session.id)),
  )
}

/** The one mapping from a session row (plus names and money) to what pages may show. */
export function toSessionSummary(
  session: typeof sessions.$inferSelect,
  names: { customerName: string; mechanicName: string | null },
  money: { paid: number; refunded: number } | undefined,
): SessionSummary {
  return {
    id: session.id,
    plan: session.plan,
    planLabel: plans[session.plan].label,
    type: plans[session.plan].type,
    status: session.status,
    vehicle: `${session.vehicleYear} ${session.vehicleMake} ${session.vehicleModel}`,
    concern: session.concern,
    mechanicId: session.mechanicId,
    ...names,
    requestedAt: session.requestedAt.toISOString(),
    startedAt: session.startedAt?.toISOString() ?? null,
    endedAt: session.endedAt?.toISOString() ?? null,
    endReason: session.endReason,
    durationSeconds: session.durationSeconds,
    liveSeconds: liveSeconds(session),
    paidCents: money?.paid ?? 0,
    refundedCents: money?.refunded ?? 0,
  }
}

/** Money in and out per session: every payment (booking and extensions) and what was refunded. */
export async function paymentsBySession(
  sessionIds: string[],
): Promise<Map<string, { paid: number; refunded: number }>> {
  const totals = new Map<string, { paid: number; refunded: number }>()
  if (sessionIds.length === 0) return totals
  const rows = await getContext()
    .database.db.select({
      sessionId: payments.sessionId,
      amountCents: payments.amountCents,
      refundedAt: payments.refundedAt,
      kind: checkouts.kind,
    })
    .from(payments)
    .innerJoin(checkouts, eq(checkouts.id, payments.checkoutId))
    .where(inArray(payments.sessionId, sessionIds))
  for (const row of rows) {
    if (!row.sessionId) continue
    const total = totals.get(row.sessionId) ?? { paid: 0, refunded: 0 }
    total.paid += row.amountCents
    if (row.refundedAt) total.refunded += row.amountCents
    totals.set(row.sessionId, total)
  }
  return totals
}
