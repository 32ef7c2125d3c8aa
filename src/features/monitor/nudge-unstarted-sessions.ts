import { and, eq, lte } from 'drizzle-orm'
import { sessions } from '@/db/schema'
import { enqueueEmail } from '@/features/mail/send-email-job'
import { notifySessionChanged } from '@/features/sessions/notify-session-changed'
import { getContext } from '@/server/context'
import { ageSeconds, type MonitorThresholds, secondsBefore } from './monitor-thresholds'
import { raiseAlert } from './raise-alert'
import { findStuckSessions, roomUrl, type StuckFilter } from './stuck-sessions'

/**
 * Accepted, and nobody has opened the room for `startNudgeSeconds`: the mechanic is nudged once,
 * on their dashboard (the alert, pushed with `session:updated`) and by email.
 */
export async function nudgeUnstartedSessions(
  now: Date,
  thresholds: MonitorThresholds,
): Promise<number> {
  const threshold = thresholds.startNudgeSeconds
  const cutoff = secondsBefore(now, threshold)
  const stuck = await findStuckSessions(startNudgeFilter(now, thresholds))
  let nudged = 0
  for (const session of stuck) {
    const { mechanicId } = session
    if (!mechanicId) continue
    const acted = await getContext().database.db.transaction(async (tx) => {
      // Still accepted now, not only when the list was read.
      const [current] = await tx
        .select({ id: sessions.id })
        .from(sessions)
        .where(
          and(
            eq(sessions.id, session.id),
            eq(sessions.status, 'accepted'),
            lte(sessions.statusChangedAt, cutoff),
          ),
        )
      if (!current) return false
      const age = ageSeconds(session.statusChangedAt, now)
      const raised = await raiseAlert(tx, {
        condition: 'start_nudge',
        subjectId: session.id,
        sessionId: session.id,
        ageSeconds: age,
        thresholdSeconds: threshold,
        reason: 'accepted_not_started',
        now,
        data: { mechanicId },
      })
      if (!raised) return false
      await enqueueEmail(tx, {
        key: `monitor.start_nudge:${session.id}`,
        userId: mechanicId,
        subject: 'Your customer is waiting: please open the session',
        content: {
          greeting: 'Hello,',
          paragraphs: [
            `You accepted a request ${Math.round(age / 60)} minutes ago, but the session has not started yet.`,
            'Please open the room now. If it does not start in time, the request is released and the customer is refunded.',
          ],
          link: { label: 'Open the session', url: roomUrl(session) },
        },
      })
      return true
    })
    if (acted) {
      nudged++
      await notifySessionChanged(session.id)
    }
  }
  return nudged
}

/** Which sessions this condition looks at (the bench explains the same query). */
export function startNudgeFilter(now: Date, thresholds: MonitorThresholds): StuckFilter {
  return {
    statuses: ['accepted'],
    column: 'statusChangedAt',
    cutoff: secondsBefore(now, thresholds.startNudgeSeconds),
    condition: 'start_nudge',
  }
}
