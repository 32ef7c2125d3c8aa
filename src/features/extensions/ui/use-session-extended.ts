'use client'

import { useState } from 'react'
import { useSocketEvent } from '@/features/realtime/client/use-socket-event'

export type Extended = { minutes: number; at: number }

/** The last extension paid while this room is open: how much, and when it arrived here. */
export function useSessionExtended(sessionId: string): Extended | null {
  const [extended, setExtended] = useState<Extended | null>(null)
  useSocketEvent('session:extended', (event) => {
    if (event.sessionId === sessionId) setExtended({ minutes: event.minutes, at: Date.now() })
  })
  return extended
}
