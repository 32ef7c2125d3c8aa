import { AppError } from '@/lib/errors'
import { getContext } from '@/server/context'
import { notifySessionChanged } from './notify-session-changed'
import { requestBookingRefund } from './request-session-refund'
import { endStatusFor } from './session-clock'
import type { SessionStatus } from './statuses'
import { type SessionRow, transitionSession } from './transition-session'

export type EndReason =
  | 'ended_by_customer'
  | 'ended_by_mechanic'
  | 'ended_by_admin'
  | 'time_up'
  | 'participant_lost'
  | 'request_expired'
  | 'exceeded_max_duration'

/**
 * Ends a session however it ends (a button, the clock, the monitor). An unaccepted request
 * expires; a session that never went live, or was live for under a minute, is cancelled; both
 * refund the booking. Anything longer is completed.
 */
export async function endSession({
  sessionId,
  actorId,
  reason,
  expectedFrom,
  onlyIf,
}: {
  sessionId: string
  actorId: string | null
  reason: EndReason
  expectedFrom?: readonly SessionStatus[]
  /** Checked on the locked row: the sweep read a snapshot that may be stale by now. */
  onlyIf?: (current: SessionRow) => boolean
}): Promise<SessionRow> {
  const now = new Date()
  const session = await getContext().database.db.transaction(async (tx) => {
    const result = await transitionSession(tx, {
      sessionId,
      actorId,
      reason,
      expectedFrom,
      to: (current) => {
        if (onlyIf && !onlyIf(current)) {
          throw new AppError('conflict', 'The session is no longer due to end', {
            status: current.status,
          })
        }
        return reason === 'request_expired' && current.status === 'pending'
          ? 'expired'
          : endStatusFor(current, now, { timeUp: reason === 'time_up' })
      },
      patch: () => ({ endedAt: now, endReason: reason, pausedAt: null }),
    })
    if (result.session.status !== 'completed') await requestBookingRefund(tx, sessionId, reason)
    return result.session
  })
  await notifySessionChanged(session.id)
  return session
}
