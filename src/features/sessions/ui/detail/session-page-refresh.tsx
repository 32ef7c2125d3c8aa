'use client'

import { useRouter } from 'next/navigation'
import { useSocketEvent } from '@/features/realtime/client/use-socket-event'

/** Re-reads the page when the server says this session changed (participants and admins hear it). */
export function SessionPageRefresh({ sessionId }: { sessionId: string }) {
  const router = useRouter()
  useSocketEvent<{ sessionId: string }>('session:updated', (event) => {
    if (event.sessionId === sessionId) router.refresh()
  })
  return null
}
