'use client'

import { useEffect, useState } from 'react'
import type { SessionState } from '@/features/realtime/contract'

/**
 * Milliseconds left on the server's clock. Only `expiresAt` (and the server's clock offset) decide
 * it; the local timer only repaints. Frozen while the session is paused.
 */
export function useCountdown(state: SessionState | null, serverOffsetMs: number): number | null {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250)
    return () => clearInterval(timer)
  }, [])
  if (!state) return null
  if (state.status !== 'live' || !state.expiresAt) return state.remainingMs
  return Math.max(0, Date.parse(state.expiresAt) - (now + serverOffsetMs))
}

export function formatClock(ms: number): string {
  const totalSeconds = Math.ceil(ms / 1000)
  const hours = Math.floor(totalSeconds / 3600)
  const minutes = Math.floor((totalSeconds % 3600) / 60)
  const seconds = totalSeconds % 60
  const mm = String(minutes).padStart(hours > 0 ? 2 : 1, '0')
  const ss = String(seconds).padStart(2, '0')
  return hours > 0 ? `${hours}:${mm}:${ss}` : `${mm}:${ss}`
}
