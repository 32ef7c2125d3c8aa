'use client'

import { useRouter } from 'next/navigation'
import { getSocket } from '@/features/realtime/client/socket'
import { useSocketEvent, useSocketStatus } from '@/features/realtime/client/use-socket-event'

/**
 * Keeps the "awaiting approval" page current. An approval is pushed (`account:updated`); one
 * made before the socket connected is caught by re-rendering on every connect after the first.
 * On approval the socket reconnects, because the mechanics' queue room is joined at the
 * handshake, and then the page re-renders as the queue. Renders nothing.
 */
export function ApprovalWatcher() {
  const router = useRouter()
  useSocketEvent('account:updated', () => {
    const socket = getSocket()
    socket.once('connect', () => router.refresh())
    socket.disconnect().connect()
  })
  useSocketStatus((connected) => {
    if (connected) router.refresh()
  })
  return null
}
