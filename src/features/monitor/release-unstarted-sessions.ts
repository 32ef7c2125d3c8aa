import { enqueueEmail } from '@/features/mail/send-email-job'
import { endStuckSession } from './act-on-stuck-session'
import { ageSeconds, type MonitorThresholds, secondsBefore } from './monitor-thresholds'
import { raiseAlert } from './raise-alert'
import { findStuckSessions, type StuckFilter } from './stuck-sessions'

/**
 * Accepted (or waiting) and still not live `releaseSeconds` after the accept: the state machine
 * cancels the session, which refunds the booking as any cancellation before going live does.
 * Both sides see `session:ended` in the room and get an email.
 */
export async function releaseUnstartedSessions(
  now: Date,
  thresholds: MonitorThresholds,
): Promise<number> {
  const threshold = thresholds.releaseSeconds
  const cutoff = secondsBefore(now, threshold)
  const stuck = await findStuckSessions(releaseFilter(now, thresholds))
  let released = 0
  for (const session of stuck) {
    const acted = await endStuckSession(session.id, {
      reason: 'not_started',
      expectedFrom: ['accepted', 'waiting'],
      onlyIf: (current) => Boolean(current.acceptedAt && current.acceptedAt <= cutoff),
      now,
      alsoInTransaction: async (tx, _ended, before) => {
        const age = before.acceptedAt ? ageSeconds(before.acceptedAt, now) : 0
        const raised = await raiseAlert(tx, {
          condition: 'not_started_released',
          subjectId: session.id,
          sessionId: session.id,
          ageSeconds: age,
          thresholdSeconds: threshold,
          reason: 'not_started',
          now,
          data: { from: before.status, mechanicId: before.mechanicId },
        })
        // The transition above already made this run the only one; the row is its record.
        if (!raised) return
        const people = [
          { userId: before.customerId, role: 'customer' },
          ...(before.mechanicId ? [{ userId: before.mechanicId, role: 'mechanic' }] : []),
        ]
        for (const person of people) {
          await enqueueEmail(tx, {
            key: `monitor.not_started_released:${session.id}:${person.userId}`,
            userId: person.userId,
            subject: 'Your AutoDoctor session was released',
            content: {
              greeting: 'Hello,',
              paragraphs: [
                'The session did not start in time, so it has been cancelled.',
                person.role === 'customer'
                  ? 'Your payment is being refunded in full. You can book again at any time.'
                  : 'The request is closed and the customer has been refunded.',
              ],
            },
          })
        }
      },
    })
    if (acted) released++
  }
  return released
}

/** Which sessions this condition looks at (the bench explains the same query). */
export function releaseFilter(now: Date, thresholds: MonitorThresholds): StuckFilter {
  return {
    statuses: ['accepted', 'waiting'],
    column: 'acceptedAt',
    cutoff: secondsBefore(now, thresholds.releaseSeconds),
    condition: 'not_started_released',
  }
}
