import { and, eq, sql } from 'drizzle-orm'
import type { Transaction } from '@/db/client'
import { sessions } from '@/db/schema'
import { logEvent } from '@/features/events/log-event'
import { AppError } from '@/lib/errors'
import { assertTransition } from './state-machine'
import type { SessionStatus } from './statuses'

export type SessionRow = typeof sessions.$inferSelect
type SessionPatch = Partial<Omit<typeof sessions.$inferInsert, 'id' | 'status'>>

export type TransitionInput = {
  sessionId: string
  /** The target state, or a choice made from the locked current row (e.g. completed/cancelled). */
  to: SessionStatus | ((current: SessionRow) => SessionStatus)
  actorId: string | null
  reason: string
  /** Extra columns written with the status (timestamps, the accepting mechanic...). */
  patch?: (current: SessionRow) => SessionPatch
  /** Refuse unless the session is still in one of these states (e.g. the sweep's snapshot). */
  expectedFrom?: readonly SessionStatus[]
}

export type TransitionResult = { from: SessionStatus; session: SessionRow }

/**
 * The only writer of `sessions.status`. Locks the row, checks the move against the state table,
 * writes the status and its event row in the caller's transaction. Concurrent callers queue on
 * the row lock; the loser sees the new state and gets a 409.
 */
export async function transitionSession(
  tx: Transaction,
  input: TransitionInput,
): Promise<TransitionResult> {
  const [current] = await tx
    .select()
    .from(sessions)
    .where(eq(sessions.id, input.sessionId))
    .for('update')
  if (!current) throw new AppError('not_found', 'Session not found')
  if (input.expectedFrom && !input.expectedFrom.includes(current.status)) {
    throw new AppError('conflict', `The session is already ${current.status}`, {
      status: current.status,
    })
  }
  const to = typeof input.to === 'function' ? input.to(current) : input.to
  assertTransition(current.status, to)

  const [session] = await tx
    .update(sessions)
    .set({ ...input.patch?.(current), status: to, statusChangedAt: sql`now()` })
    .where(and(eq(sessions.id, current.id), eq(sessions.status, current.status)))
    .returning()
  if (!session)
    throw new AppError('conflict', 'The session changed; try again', { status: current.status })

  await logEvent(tx, {
    type: 'session.transition',
    actorId: input.actorId,
    subjectId: session.id,
    data: { from: current.status, to, reason: input.reason },
  })
  return { from: current.status, session }
}
