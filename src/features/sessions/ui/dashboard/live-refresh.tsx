'use client'

import { useRouter } from 'next/navigation'
import { useEffect, useRef } from 'react'
import { useSocketEvent, useSocketStatus } from '@/features/realtime/client/use-socket-event'

/** One change often comes as a burst (accepted → waiting → live); they share one re-render. */
const COALESCE_MS = 250

/**
 * Re-renders the server page whenever the server says a session changed, and after the socket
 * comes back (updates sent while it was down are lost). Renders nothing.
 */
export function LiveRefresh() {
  const router = useRouter()
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current)
    },
    [],
  )
  const refresh = () => {
    if (timer.current) return
    timer.current = setTimeout(() => {
      timer.current = null
      router.refresh()
    }, COALESCE_MS)
  }
  useSocketEvent('session:updated', refresh)
  useReconnect(refresh)
  return null
}

/** Calls `onReconnect` when the tab's socket connects again after having been connected. */
export function useReconnect(onReconnect: () => void): void {
  const seen = useRef({ connected: false, dropped: false })
  useSocketStatus((connected) => {
    const state = seen.current
    if (!connected) {
      if (state.connected) state.dropped = true
      return
    }
    if (state.dropped) onReconnect()
    state.connected = true
    state.dropped = false
  })
}
