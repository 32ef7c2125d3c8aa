'use client'

import { useEffect, useState } from 'react'
import { useSocketEvent } from '@/features/realtime/client/use-socket-event'
import { useRoomConnection } from './room-connection'

/**
 * Whether support is watching the room now: known from each join answer (so someone arriving
 * mid-watch, or coming back after a drop, is told at once) and followed by `session:watched`.
 */
export function useAdminWatching(sessionId: string): boolean {
  const room = useRoomConnection()
  const [watched, setWatched] = useState(false)
  useEffect(() => room.onJoined((result) => setWatched(result.watched)), [room.onJoined])
  useSocketEvent('session:watched', (event) => {
    if (event.sessionId === sessionId) setWatched(event.watched)
  })
  return watched
}
