import { enqueueEmail } from '@/features/mail/send-email-job'
import { readPresence } from '@/features/realtime/presence'
import { alertIfStillStuck } from './act-on-stuck-session'
import { ageSeconds, type MonitorThresholds, secondsBefore } from './monitor-thresholds'
import { findStuckSessions, roomUrl, type StuckFilter } from './stuck-sessions'

/**
 * Waiting for the second participant for `waitingAlertSeconds`: one alert for the admins (the
 * Health page's feed) and one reminder, with the Join link, to whoever is not in the room.
 */
export async function alertWaitingSessions(
  now: Date,
  thresholds: MonitorThresholds,
): Promise<number> {
  const threshold = thresholds.waitingAlertSeconds
  const stuck = await findStuckSessions(waitingFilter(now, thresholds))
  let alerted = 0
  for (const session of stuck) {
    const participants = [session.customerId, session.mechanicId].filter(
      (id): id is string => id !== null,
    )
    // Bounded: a dead peer cannot hold the pass up; its users then count as absent and are reminded.
    const present = (await readPresence(session.id)).userIds
    const absent = participants.filter((id) => !present.has(id))
    const age = ageSeconds(session.statusChangedAt, now)
    const acted = await alertIfStillStuck(session.id, {
      status: 'waiting',
      cutoff: secondsBefore(now, threshold),
      alert: {
        condition: 'waiting_stuck',
        ageSeconds: age,
        thresholdSeconds: threshold,
        reason: 'waiting_for_participant',
        now,
        data: { absentUserIds: absent },
      },
      alsoInTransaction: async (tx) => {
        for (const userId of absent) {
          await enqueueEmail(tx, {
            key: `monitor.waiting_stuck:${session.id}:${userId}`,
            userId,
            subject: 'Your AutoDoctor session is waiting for you',
            content: {
              greeting: 'Hello,',
              paragraphs: [
                `The other participant has been waiting in your session for ${Math.round(age / 60)} minutes.`,
                'Join now so the session can start.',
              ],
              link: { label: 'Join the session', url: roomUrl(session) },
            },
          })
        }
      },
    })
    if (acted) alerted++
  }
  return alerted
}

/** Which sessions this condition looks at (the bench explains the same query). */
export function waitingFilter(now: Date, thresholds: MonitorThresholds): StuckFilter {
  return {
    statuses: ['waiting'],
    column: 'statusChangedAt',
    cutoff: secondsBefore(now, thresholds.waitingAlertSeconds),
    condition: 'waiting_stuck',
  }
}
