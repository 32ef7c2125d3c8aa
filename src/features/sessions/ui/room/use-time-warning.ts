'use client'

import { useCallback, useEffect, useRef, useState } from 'react'
import { useSocketEvent } from '@/features/realtime/client/use-socket-event'
import { useRoomConnection } from './room-connection'
import { dueWarning, markShown, rearm, type WarningMinutes } from './time-warnings'

/**
 * The time warning to show, each once. Two sources, so a missed event or a skewed clock still
 * warns: the server's `session:warning` and the countdown crossing the same thresholds.
 */
export function useTimeWarning(
  remainingMs: number | null,
  extendedAt: number | null,
): { minutes: WarningMinutes | null; dismiss: () => void } {
  const { sessionId, state } = useRoomConnection()
  const shown = useRef(new Set<number>())
  const [minutes, setMinutes] = useState<WarningMinutes | null>(null)

  const show = useCallback((next: WarningMinutes) => {
    shown.current = markShown(shown.current, next)
    setMinutes(next)
  }, [])

  useSocketEvent('session:warning', (warning) => {
    if (warning.sessionId !== sessionId || shown.current.has(warning.minutesLeft)) return
    show(warning.minutesLeft)
  })

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
