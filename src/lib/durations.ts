/** Lengths of time in words, singular or plural as the number calls for ("1 minute", "2 minutes"). */

export function countOf(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`
}

/** "15 minutes", "20 seconds", "2 minutes 30 seconds". */
export function durationInWords(totalSeconds: number): string {
  const seconds = Math.max(0, Math.round(totalSeconds))
  const minutes = Math.floor(seconds / 60)
  const rest = seconds % 60
  if (minutes === 0) return countOf(rest, 'second')
  return rest === 0
    ? countOf(minutes, 'minute')
    : `${countOf(minutes, 'minute')} ${countOf(rest, 'second')}`
}

/** "30 min", "20 s", "2 min 30 s": the length a clock of this many seconds will run. */
export function shortDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.round(totalSeconds))
  const minutes = Math.floor(seconds / 60)
  const rest = seconds % 60
  if (minutes === 0) return `${rest} s`
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`
}
