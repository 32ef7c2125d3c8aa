import { enqueueEmail } from '@/features/mail/send-email-job'
import { alertIfStillStuck } from './act-on-stuck-session'
import { ageSeconds, type MonitorThresholds, secondsBefore } from './monitor-thresholds'
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
  const stuck = await findStuckSessions(startNudgeFilter(now, thresholds))
  let nudged = 0
  for (const session of stuck) {
    const { mechanicId } = session
    if (!mechanicId) continue
    const age = ageSeconds(session.statusChangedAt, now)
    const acted = await alertIfStillStuck(session.id, {
      status: 'accepted',
      cutoff: secondsBefore(now, threshold),
      alert: {
        condition: 'start_nudge',
        ageSeconds: age,
        thresholdSeconds: threshold,
        reason: 'accepted_not_started',
        now,
        data: { mechanicId },
      },
      alsoInTransaction: (tx) =>
        enqueueEmail(tx, {
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
        }),
    })
    if (acted) nudged++
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
