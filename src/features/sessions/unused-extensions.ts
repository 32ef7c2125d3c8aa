/**
 * The rule for paid time left when a session ends before its clock runs out (ADR 0043): walking
 * back from the newest extension, each one whose minutes all lie beyond the end is refunded in
 * full; the first one the clock reached, even by a second, is kept, and so is everything before
 * it. Refunds are whole payments, never parts of one. Pure, so the End Session dialog shows
 * exactly what the server will do.
 */
export function unusedExtensions<T extends { minutes: number }>(
  remainingMs: number,
  newestFirst: readonly T[],
): T[] {
  let unusedMs = remainingMs
  const unused: T[] = []
  for (const extension of newestFirst) {
    const extensionMs = extension.minutes * 60_000
    if (unusedMs < extensionMs) break
    unusedMs -= extensionMs
    unused.push(extension)
  }
  return unused
}
