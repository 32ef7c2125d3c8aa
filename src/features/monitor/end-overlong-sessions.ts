import { endStuckSession } from './act-on-stuck-session'
import { ageSeconds, type MonitorThresholds, secondsBefore } from './monitor-thresholds'
import { raiseAlert } from './raise-alert'
import { findStuckSessions, type StuckFilter } from './stuck-sessions'

/**
 * Live or reconnecting for `maxSessionSeconds` since it started, pauses and extensions included:
 * ended through the state machine with reason `max_duration`. The room gets its one
 * `session:ended`; extensions whose minutes were never reached are refunded.
 */
export async function endOverlongSessions(
  now: Date,
  thresholds: MonitorThresholds,
): Promise<number> {
  const threshold = thresholds.maxSessionSeconds
  const cutoff = secondsBefore(now, threshold)
  const overlong = await findStuckSessions(overlongFilter(now, thresholds))
  let ended = 0
  for (const session of overlong) {
    const acted = await endStuckSession(session.id, {
      reason: 'max_duration',
      expectedFrom: ['live', 'reconnecting'],
      onlyIf: (current) => Boolean(current.startedAt && current.startedAt <= cutoff),
      now,
      alsoInTransaction: async (tx, ended, before) => {
        await raiseAlert(tx, {
          condition: 'max_duration',
          subjectId: session.id,
          sessionId: session.id,
          ageSeconds: before.startedAt ? ageSeconds(before.startedAt, now) : 0,
          thresholdSeconds: threshold,
          reason: 'max_duration',
          now,
          data: { from: before.status, to: ended.status },
        })
      },
    })
    if (acted) ended++
  }
  return ended
}

/** Which sessions this condition looks at (the bench explains the same query). */
export function overlongFilter(now: Date, thresholds: MonitorThresholds): StuckFilter {
  return {
    statuses: ['live', 'reconnecting'],
    column: 'startedAt',
    cutoff: secondsBefore(now, thresholds.maxSessionSeconds),
    condition: 'max_duration',
  }
}
