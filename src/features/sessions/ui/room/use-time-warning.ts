'use client'

import { useCallback, useEffect, useRef, useState } from 'react'
import type { SessionState, SessionWarningEvent } from '@/features/realtime/events'
import { dueWarning, markShown, rearm, type WarningMinutes } from './time-warnings'

/**
 * The time warning to show, each once. Two sources, so a missed event or a skewed clock still
 * warns: the server's `session:warning` and the countdown crossing the same thresholds.
 */
export function useTimeWarning(
  state: SessionState | null,
  remainingMs: number | null,
  serverWarning: SessionWarningEvent | null,
  extendedAt: number | null,
): { minutes: WarningMinutes | null; dismiss: () => void } {
  const shown = useRef(new Set<number>())
  const [minutes, setMinutes] = useState<WarningMinutes | null>(null)

  const show = useCallback((next: WarningMinutes) => {
    shown.current = markShown(shown.current, next)
    setMinutes(next)
  }, [])

  useEffect(() => {
    if (!serverWarning || shown.current.has(serverWarning.minutesLeft)) return
    if (serverWarning.minutesLeft === 5 || serverWarning.minutesLeft === 1) {
      show(serverWarning.minutesLeft)
    }
  }, [serverWarning, show])

  useEffect(() => {
    if (!state) return
    const due = dueWarning(
      { status: state.status, durationSeconds: state.durationSeconds, remainingMs },
      shown.current,
    )
    if (due !== null) show(due)
  }, [state, remainingMs, show])

  // Bought time: thresholds the clock is back above may warn again, and the old warning is moot.
  const remainingRef = useRef(remainingMs)
  remainingRef.current = remainingMs
  useEffect(() => {
    if (extendedAt === null) return
    shown.current = rearm(shown.current, remainingRef.current)
    setMinutes(null)
  }, [extendedAt])

  const dismiss = useCallback(() => setMinutes(null), [])
  return { minutes, dismiss }
}
