import { and, eq, lte } from 'drizzle-orm'
import type { Transaction } from '@/db/client'
import { sessions } from '@/db/schema'
import { endSession } from '@/features/sessions/end-session'
import { notifySessionChanged } from '@/features/sessions/notify-session-changed'
import type { SessionStatus } from '@/features/sessions/statuses'
import { AppError } from '@/lib/errors'
import { logger } from '@/lib/logger'
import { getContext } from '@/server/context'
import { type AlertInput, raiseAlert } from './raise-alert'

type SessionAlert = Omit<AlertInput, 'subjectId' | 'sessionId'>

/**
 * Raises a session's alert once, if the session is still in `status` since before `cutoff` now,
 * not only when the list was read. `alsoInTransaction` (the emails) commits with the alert, and
 * the session's pages are told after the commit. False when it moved on or another run acted.
 */
export async function alertIfStillStuck(
  sessionId: string,
  {
    status,
    cutoff,
    alert,
    alsoInTransaction,
  }: {
    status: SessionStatus
    cutoff: Date
    alert: SessionAlert
    alsoInTransaction?: (tx: Transaction) => Promise<unknown>
  },
): Promise<boolean> {
  const acted = await getContext().database.db.transaction(async (tx) => {
    const [current] = await tx
      .select({ id: sessions.id })
      .from(sessions)
      .where(
        and(
          eq(sessions.id, sessionId),
          eq(sessions.status, status),
          lte(sessions.statusChangedAt, cutoff),
        ),
      )
    if (!current) return false
    if (!(await raiseAlert(tx, { ...alert, subjectId: sessionId, sessionId }))) return false
    await alsoInTransaction?.(tx)
    return true
  })
  if (acted) await notifySessionChanged(sessionId)
  return acted
}

/**
 * Ends a stuck session through the state machine and records why in the same transaction. False
 * when someone started, ended or released it first; a failure is logged and the pass goes on.
 */
export async function endStuckSession(
  sessionId: string,
  options: Omit<Parameters<typeof endSession>[0], 'sessionId' | 'actorId'>,
): Promise<boolean> {
  try {
    await endSession({ ...options, sessionId, actorId: null })
    return true
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'conflict')) {
      logger().error(
        { err: error, sessionId },
        `monitor failed to end a session (${options.reason})`,
      )
    }
    return false
  }
}
