import { eq } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { users } from '@/db/schema'
import type { SessionUser } from '@/features/auth/session-user'
import { getContext } from '@/server/context'
import { getSessionAccessOrThrow, type SessionRole } from './get-session-access'
import { plans, roomPathFor, type SessionType } from './plans'
import { isTerminal } from './statuses'

/** What the room shows before its socket has joined: enough to paint the header. */
export type RoomIntro = {
  sessionId: string
  type: SessionType
  planLabel: string
  vehicle: string
  concern: string
  role: SessionRole
  customerName: string
  mechanicName: string | null
}

export type RoomEntry =
  | { outcome: 'enter'; room: RoomIntro }
  /** Completed, cancelled or expired: a room can never be entered again. */
  | { outcome: 'ended' }
  /** Paid but no mechanic yet: there is no room to enter. */
  | { outcome: 'not-started'; role: SessionRole }
  /** The plan's room is the other kind (chat vs video). */
  | { outcome: 'other-room'; path: string }

const mechanicUsers = alias(users, 'mechanic_users')

/**
 * Decides whether `user` may enter the session's room of kind `requested`. Non-participants get the
 * same not_found as for a session that does not exist.
 */
export async function getRoomEntry(
  sessionId: string,
  user: SessionUser,
  requested: SessionType,
): Promise<RoomEntry> {
  const { session, role } = await getSessionAccessOrThrow(sessionId, user)
  if (isTerminal(session.status)) return { outcome: 'ended' }
  if (session.status === 'pending') return { outcome: 'not-started', role }
  const plan = plans[session.plan]
  if (plan.type !== requested)
    return { outcome: 'other-room', path: roomPathFor(session.id, plan.type) }

  const [names] = await getContext()
    .database.db.select({ customerName: users.name, mechanicName: mechanicUsers.name })
    .from(users)
    .leftJoin(mechanicUsers, eq(mechanicUsers.id, session.mechanicId ?? ''))
    .where(eq(users.id, session.customerId))
  return {
    outcome: 'enter',
    room: {
      sessionId: session.id,
      type: plan.type,
      planLabel: plan.label,
      vehicle: `${session.vehicleYear} ${session.vehicleMake} ${session.vehicleModel}`,
      concern: session.concern,
      role,
      customerName: names?.customerName ?? 'Customer',
      mechanicName: names?.mechanicName ?? null,
    },
  }
}
