'use client'

import { useRef } from 'react'
import { useRoomConnection } from './room-connection'
import { useCountdown } from './use-countdown'

/**
 * Milliseconds left on the room's clock. Cut off from the server, this tab cannot know whether
 * the clock runs or is paused; it holds the last value it was sure of until the next snapshot.
 */
export function useRoomClock(): number | null {
  const { state, serverOffsetMs, connection } = useRoomConnection()
  const countdownMs = useCountdown(state, serverOffsetMs)
  const offline = connection === 'reconnecting'
  const lastKnownMs = useRef(countdownMs)
  if (!offline) lastKnownMs.current = countdownMs
  return offline ? lastKnownMs.current : countdownMs
}
