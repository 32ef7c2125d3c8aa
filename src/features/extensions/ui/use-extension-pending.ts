'use client'

import { useEffect, useState } from 'react'
import { useSocketEvent } from '@/features/realtime/client/use-socket-event'

// A checkout left open without paying or cancelling must not leave the notice up forever.
const FORGET_AFTER_MS = 10 * 60_000

/** True while the customer has an extension checkout open (shown to the mechanic). */
export function useExtensionPending(sessionId: string): boolean {
  const [since, setSince] = useState<number | null>(null)
  const mine = (event: { sessionId: string }) => event.sessionId === sessionId
  useSocketEvent('extension:pending', (event) => mine(event) && setSince(Date.now()))
  useSocketEvent('extension:cancelled', (event) => mine(event) && setSince(null))
  useSocketEvent('session:extended', (event) => mine(event) && setSince(null))
  useEffect(() => {
    if (since === null) return
    const timer = setTimeout(() => setSince(null), FORGET_AFTER_MS)
    return () => clearTimeout(timer)
  }, [since])
  return since !== null
}
