import { and, eq, inArray, isNull, or } from 'drizzle-orm'
import { sessionAlerts, sessions } from '@/db/schema'
import { plans } from '@/features/catalogue/catalogue'
import { roomPathFor } from '@/features/sessions/room-path'
import { getContext } from '@/server/context'

/** What a participant's dashboard shows while the monitor has found their session stuck. */
export type MonitorNotice = {
  sessionId: string
  condition: 'start_nudge' | 'waiting_stuck'
  message: string
  roomPath: string
}

/**
 * Notices for a participant's sessions that are still stuck: the nudge to the mechanic while the
 * session stays accepted, the reminder to join while it stays waiting. They disappear by
 * themselves once the session moves on.
 */
export async function listMonitorNotices(userId: string): Promise<MonitorNotice[]> {
  const rows = await getContext()
    .database.db.select({
      sessionId: sessions.id,
      plan: sessions.plan,
      status: sessions.status,
      mechanicId: sessions.mechanicId,
      condition: sessionAlerts.condition,
    })
    .from(sessionAlerts)
    .innerJoin(sessions, eq(sessions.id, sessionAlerts.sessionId))
    .where(
      and(
        inArray(sessionAlerts.condition, ['start_nudge', 'waiting_stuck']),
        isNull(sessions.endedAt),
        or(eq(sessions.customerId, userId), eq(sessions.mechanicId, userId)),
      ),
    )
  const notices: MonitorNotice[] = []
  for (const row of rows) {
    const roomPath = roomPathFor(row.sessionId, plans[row.plan].type)
    if (row.condition === 'start_nudge' && row.status === 'accepted' && row.mechanicId === userId) {
      notices.push({
        sessionId: row.sessionId,
        condition: 'start_nudge',
        message:
          'You accepted this request but have not opened the session yet. The customer is waiting.',
        roomPath,
      })
    }
    if (row.condition === 'waiting_stuck' && row.status === 'waiting') {
      notices.push({
        sessionId: row.sessionId,
        condition: 'waiting_stuck',
        message: 'Your session is waiting for you. Join now so it can start.',
        roomPath,
      })
    }
  }
  return notices
}
