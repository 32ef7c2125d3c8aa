import { eq } from 'drizzle-orm'
import type { Transaction } from '@/db/client'
import { sessions } from '@/db/schema'
import { AppError } from '@/lib/errors'
import { isTerminal } from './statuses'
import type { SessionRow } from './transition-session'

/** Clock arithmetic in one place. The server owns `expiresAt`; clients only display it. */

/** Columns to write when the session goes live: first start, or resuming after a pause. */
export function goLivePatch(session: SessionRow, now: Date): Partial<SessionRow> {
  if (!session.startedAt || !session.expiresAt) {
    return {
      startedAt: now,
      expiresAt: new Date(now.getTime() + session.durationSeconds * 1000),
      pausedAt: null,
    }
  }
  const pausedFor = session.pausedAt ? now.getTime() - session.pausedAt.getTime() : 0
  return {
    expiresAt: new Date(session.expiresAt.getTime() + Math.max(0, pausedFor)),
    pausedAt: null,
  }
}

/** Milliseconds left: frozen while paused, never negative. */
export function remainingMs(
  session: Pick<SessionRow, 'expiresAt' | 'pausedAt' | 'durationSeconds' | 'startedAt'>,
  now: Date,
): number {
  if (!session.expiresAt) return session.durationSeconds * 1000
  const reference = session.pausedAt ?? now
  return Math.max(0, session.expiresAt.getTime() - reference.getTime())
}

/**
 * Ended early with less than a minute live counts as cancelled, otherwise completed. A session
 * whose paid time ran out was served in full, however short its plan (SESSION_SECONDS_OVERRIDE).
 */
export function endStatusFor(
  session: Pick<SessionRow, 'startedAt'>,
  now: Date,
  { timeUp = false }: { timeUp?: boolean } = {},
): 'completed' | 'cancelled' {
  if (!session.startedAt) return 'cancelled'
  if (timeUp) return 'completed'
  return now.getTime() - session.startedAt.getTime() < 60_000 ? 'cancelled' : 'completed'
}

/** Seconds between going live and ending; null while it has not ended or never went live. */
export function liveSeconds(session: Pick<SessionRow, 'startedAt' | 'endedAt'>): number | null {
  if (!session.startedAt || !session.endedAt) return null
  return Math.max(0, Math.round((session.endedAt.getTime() - session.startedAt.getTime()) / 1000))
}

/**
 * Columns to write when paid minutes are added. Live: from now if the clock already ran out.
 * Paused (reconnecting): adding to `expiresAt` adds to the frozen remaining time. Not started
 * yet: only the duration grows, and it applies when the session goes live.
 */
export function extendPatch(
  session: Pick<SessionRow, 'status' | 'expiresAt' | 'durationSeconds'>,
  minutes: number,
  now: Date,
): Pick<SessionRow, 'durationSeconds' | 'expiresAt' | 'lastWarningMinutes'> {
  const addMs = minutes * 60_000
  const from =
    session.status === 'live'
      ? Math.max(session.expiresAt?.getTime() ?? now.getTime(), now.getTime())
      : session.expiresAt?.getTime()
  return {
    durationSeconds: session.durationSeconds + minutes * 60,
    expiresAt: from === undefined ? null : new Date(from + addMs),
    // The warnings already sent were for the old end; the new end gets its own.
    lastWarningMinutes: null,
  }
}

/**
 * Adds paid minutes to a session's clock in the caller's transaction, under the row lock so a
 * sweep cannot end the session between the read and the write. Returns the new end (null while
 * the clock has not started).
 */
export async function extendClock(
  tx: Transaction,
  sessionId: string,
  minutes: number,
): Promise<{ expiresAt: Date | null }> {
  const [session] = await tx.select().from(sessions).where(eq(sessions.id, sessionId)).for('update')
  if (!session) throw new AppError('not_found', 'Session not found')
  if (isTerminal(session.status)) {
    throw new AppError('conflict', 'This session has ended', { status: session.status })
  }
  const patch = extendPatch(session, minutes, new Date())
  await tx.update(sessions).set(patch).where(eq(sessions.id, sessionId))
  return { expiresAt: patch.expiresAt }
}
