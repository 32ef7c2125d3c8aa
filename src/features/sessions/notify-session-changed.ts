import { eq } from 'drizzle-orm'
import { sessions } from '@/db/schema'
import type {
  SessionEndedEvent,
  SessionState,
  SessionUpdatedEvent,
} from '@/features/realtime/contract'
import { canPublish, publish, publishToSession } from '@/features/realtime/publish'
import { logger } from '@/lib/logger'
import { getContext } from '@/server/context'
import { buildSessionState } from './build-session-state'
import { isTerminal, type SessionStatus } from './statuses'

/**
 * Tells everyone who cares that a session changed: the room gets the new snapshot (and
 * `session:ended` when it is over), both participants' dashboards and the admins get
 * `session:updated`, the mechanics' queue `queue:updated` when it concerns the queue. Called
 * after the change has committed. Returns the snapshot it sent, so a caller that needs one
 * (a join) does not build it again.
 */
export async function notifySessionChanged(sessionId: string): Promise<SessionState | null> {
  if (!canPublish()) return null
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
    if (!session) return null
    const state = await buildSessionState(sessionId)
    if (state) publishToSession(sessionId, 'session:state', state)
    if (isTerminal(session.status)) {
      const ended: SessionEndedEvent = {
        sessionId,
        status: session.status,
        reason: session.endReason,
        endedAt: session.endedAt?.toISOString() ?? null,
      }
      publishToSession(sessionId, 'session:ended', ended)
    }
    const update: SessionUpdatedEvent = { sessionId, status: session.status }
    const participants = [session.customerId]
    if (session.mechanicId) participants.push(session.mechanicId)
    publish({ users: participants, admins: true }, 'session:updated', update)
    // Every approved mechanic is in the queue room: telling it about every change of every
    // session costs (sessions × mechanics) messages. The queue only changes when a request
    // appears or stops waiting.
    if (concernsQueue(session)) publish({ mechanicsQueue: true }, 'queue:updated', update)
    return state
  } catch (error) {
    // The change itself is committed; clients resync on their next join.
    logger().error({ err: error, sessionId }, 'failed to publish session change')
    return null
  }
}

/**
 * Someone opened or left the room without the status changing (a room stays `waiting` while
 * people come and go): the participants' dashboards re-render to say who is there now.
 */
export async function notifyPresenceChanged(sessionId: string): Promise<void> {
  if (!canPublish()) return
  try {
    const [session] = await getContext()
      .database.db.select({
        status: sessions.status,
        customerId: sessions.customerId,
        mechanicId: sessions.mechanicId,
      })
      .from(sessions)
      .where(eq(sessions.id, sessionId))
    if (!session || isTerminal(session.status)) return
    const participants = [session.customerId]
    if (session.mechanicId) participants.push(session.mechanicId)
    publish({ users: participants }, 'session:updated', { sessionId, status: session.status })
  } catch (error) {
    logger().error({ err: error, sessionId }, 'failed to publish a presence change')
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
