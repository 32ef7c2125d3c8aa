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
