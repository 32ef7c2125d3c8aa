/** Minutes-left thresholds the room warns at; the server's sweep sends `session:warning` at the same. */
export const WARNING_MINUTES = [5, 1] as const

export type WarningMinutes = (typeof WARNING_MINUTES)[number]

type Clock = { status: string; durationSeconds: number; remainingMs: number | null }

/**
 * The warning the clock calls for now, if it has not been shown. The smallest threshold reached
 * wins, so a room opened with 40 s left says "1 minute", not "5 minutes". Like the server, a
 * session shorter than a threshold is not warned at its very start.
 */
export function dueWarning(clock: Clock, shown: ReadonlySet<number>): WarningMinutes | null {
  if (clock.status !== 'live' || clock.remainingMs === null || clock.remainingMs <= 0) return null
  const reached = [...WARNING_MINUTES]
    .sort((a, b) => a - b)
    .find(
      (minutes) =>
        clock.remainingMs !== null &&
        clock.remainingMs <= minutes * 60_000 &&
        clock.durationSeconds > minutes * 60,
    )
  return reached !== undefined && !shown.has(reached) ? reached : null
}

/** Marks a warning and every larger one as shown: after "1 minute", "5 minutes" is stale. */
export function markShown(shown: ReadonlySet<number>, minutes: number): Set<number> {
  const next = new Set(shown)
  for (const threshold of WARNING_MINUTES) if (threshold >= minutes) next.add(threshold)
  return next
}

/**
 * After an extension the clock is back above some thresholds; those may warn again. The margin
 * keeps clock-offset jitter from re-arming a warning that was just shown.
 */
export function rearm(shown: ReadonlySet<number>, remainingMs: number | null): Set<number> {
  if (remainingMs === null) return new Set(shown)
  return new Set([...shown].filter((minutes) => remainingMs <= minutes * 60_000 + 10_000))
}
