import { eq } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { users } from '@/db/schema'
import type { SessionUser } from '@/features/auth/session-user'
import { getContext } from '@/server/context'
import { getSessionAccessOrThrow, type SessionRole } from './get-session-access'
import { paymentsBySession } from './list-sessions'
import { plans, roomPathFor, type SessionType } from './plans'
import { liveSeconds } from './session-clock'
import type { SessionStatus } from './statuses'

/** One session as its read-only page shows it; never the raw row. */
export type SessionDetail = {
  id: string
  planLabel: string
  type: SessionType
  /** Paid time, extensions included. */
  durationSeconds: number
  status: SessionStatus
  vehicle: string
  concern: string
  customerName: string
  mechanicName: string | null
  requestedAt: string
  acceptedAt: string | null
  startedAt: string | null
  endedAt: string | null
  endReason: string | null
  /** Seconds between going live and ending; null while it has not ended or never went live. */
  liveSeconds: number | null
  paidCents: number
  refundedCents: number
  roomPath: string
}

const mechanicUsers = alias(users, 'mechanic_users')

/** The session for a participant or an admin; anyone else gets not_found. */
export async function getSessionDetailOrThrow(
  sessionId: string,
  user: SessionUser,
): Promise<{ detail: SessionDetail; role: SessionRole }> {
  const { session, role } = await getSessionAccessOrThrow(sessionId, user)
  const [[names], money] = await Promise.all([
    getContext()
      .database.db.select({ customerName: users.name, mechanicName: mechanicUsers.name })
      .from(users)
      .leftJoin(mechanicUsers, eq(mechanicUsers.id, session.mechanicId ?? ''))
      .where(eq(users.id, session.customerId)),
    paymentsBySession([session.id]),
  ])
  const plan = plans[session.plan]
  return {
    role,
    detail: {
      id: session.id,
      planLabel: plan.label,
      type: plan.type,
      durationSeconds: session.durationSeconds,
      status: session.status,
      vehicle: `${session.vehicleYear} ${session.vehicleMake} ${session.vehicleModel}`,
      concern: session.concern,
      customerName: names?.customerName ?? 'Customer',
      mechanicName: names?.mechanicName ?? null,
      requestedAt: session.requestedAt.toISOString(),
      acceptedAt: session.acceptedAt?.toISOString() ?? null,
      startedAt: session.startedAt?.toISOString() ?? null,
      endedAt: session.endedAt?.toISOString() ?? null,
      endReason: session.endReason,
      liveSeconds: liveSeconds(session),
      paidCents: money.get(session.id)?.paid ?? 0,
      refundedCents: money.get(session.id)?.refunded ?? 0,
      roomPath: roomPathFor(session.id, plan.type),
    },
  }
}
