'use client'

import { useState } from 'react'
import { useSocketEvent } from '@/features/realtime/client/use-socket-event'
import type { Participant, SessionState } from '@/features/realtime/contract'

/**
 * Who is in the room right now. Snapshots only follow status changes, so someone arriving or
 * leaving while the status stays put (a second person joining a waiting room, say) is known only
 * from `presence` events; those count until the next snapshot replaces them.
 */
export function useLivePresence(
  sessionId: string,
  state: SessionState | null,
): (person: Participant) => boolean {
  const [live, setLive] = useState<{
    basis: SessionState | null
    present: Record<string, boolean>
  }>({ basis: null, present: {} })
  useSocketEvent('presence', (event) => {
    if (event.sessionId !== sessionId) return
    setLive((current) => ({
      basis: state,
      present: {
        ...(current.basis === state ? current.present : {}),
        [event.userId]: event.present,
      },
    }))
  })
  return (person) => (live.basis === state ? live.present[person.id] : undefined) ?? person.present
}
