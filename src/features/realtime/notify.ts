import { eq } from 'drizzle-orm'
import { sessions } from '@/db/schema'
import { isTerminal, type SessionStatus } from '@/features/sessions/statuses'
import { logger } from '@/lib/logger'
import { getContext } from '@/server/context'
import { roomOf, type SessionEndedEvent, type SessionUpdatedEvent } from './events'
import { getIo } from './io'
import { buildSessionState } from './session-state'

export function publishToSession(sessionId: string, event: string, payload: unknown): void {
  getIo()?.to(roomOf.session(sessionId)).emit(event, payload)
}

/**
 * Tells everyone who cares that a session changed: the room gets the new snapshot (and
 * `session:ended` when it is over), both participants' dashboards, the mechanics' queue and the
 * admins get `session:updated`. Called after the change has committed.
 */
export async function notifySessionChanged(sessionId: string): Promise<void> {
  const io = getIo()
  if (!io) return
  try {
    const [session] = await getContext()
      .database.db.select({
        id: sessions.id,
        status: sessions.status,
        customerId: sessions.customerId,
        mechanicId: sessions.mechanicId,
        endReason: sessions.endReason,
        endedAt: sessions.endedAt,
      })
      .from(sessions)
      .where(eq(sessions.id, sessionId))
    if (!session) return
    const state = await buildSessionState(sessionId)
    if (state) io.to(roomOf.session(sessionId)).emit('session:state', state)
    if (isTerminal(session.status)) {
      const ended: SessionEndedEvent = {
        sessionId,
        status: session.status,
        reason: session.endReason,
        endedAt: session.endedAt?.toISOString() ?? null,
      }
      io.to(roomOf.session(sessionId)).emit('session:ended', ended)
    }
    const update: SessionUpdatedEvent = { sessionId, status: session.status }
    const audience = [roomOf.user(session.customerId), roomOf.admins]
    if (session.mechanicId) audience.push(roomOf.user(session.mechanicId))
    io.to(audience).emit('session:updated', update)
    // Every approved mechanic is in the queue room: telling it about every change of every
    // session costs (sessions × mechanics) messages. The queue only changes when a request
    // appears or stops waiting.
    if (concernsQueue(session)) io.to(roomOf.mechanicsQueue).emit('queue:updated', update)
  } catch (error) {
    // The change itself is committed; clients resync on their next join.
    logger().error({ err: error, sessionId }, 'failed to publish session change')
  }
}

/** A request entered the queue (pending) or just left it: taken, expired, or withdrawn. */
function concernsQueue(session: { status: SessionStatus; mechanicId: string | null }): boolean {
  switch (session.status) {
    case 'pending':
    case 'accepted':
    case 'expired':
      return true
    case 'cancelled':
      return session.mechanicId === null
    case 'waiting':
    case 'live':
    case 'reconnecting':
    case 'completed':
      return false
  }
}
