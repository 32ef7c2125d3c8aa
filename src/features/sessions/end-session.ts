import type { Transaction } from '@/db/client'
import { AppError } from '@/lib/errors'
import { getContext } from '@/server/context'
import { notifySessionChanged } from './notify-session-changed'
import { requestBookingRefund, requestUnusedExtensionRefunds } from './request-session-refund'
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
  | 'max_duration'
  | 'not_started'

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
  now = new Date(),
  alsoInTransaction,
}: {
  sessionId: string
  actorId: string | null
  reason: EndReason
  expectedFrom?: readonly SessionStatus[]
  /** Checked on the locked row: the sweep read a snapshot that may be stale by now. */
  onlyIf?: (current: SessionRow) => boolean
  /** The clock the caller judged by (the monitor's, which tests move). */
  now?: Date
  /** Written in the ending's transaction (the monitor's alert row and event). */
  alsoInTransaction?: (tx: Transaction, ended: SessionRow, from: SessionRow) => Promise<void>
}): Promise<SessionRow> {
  let before: SessionRow | undefined
  const session = await getContext().database.db.transaction(async (tx) => {
    const result = await transitionSession(tx, {
      sessionId,
      actorId,
      reason,
      expectedFrom,
      to: (current) => {
        before = current
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
    // Ended before the clock ran out, by anyone: bought time it never reached goes back (ADR 0043).
    if (before && reason !== 'time_up') await requestUnusedExtensionRefunds(tx, before, now, reason)
    if (before) await alsoInTransaction?.(tx, result.session, before)
    return result.session
  })
  await notifySessionChanged(session.id)
  return session
}
