'use client'

import { useRouter } from 'next/navigation'
import { useEffect, useRef } from 'react'
import { emitWithAck } from '@/features/realtime/client/socket'
import { useSocketEvent, useSocketStatus } from '@/features/realtime/client/use-socket-event'
import type { LiveScope } from '@/features/realtime/contract'

/** One change often comes as a burst (accepted → waiting → live); they share one re-render. */
const COALESCE_MS = 250

/**
 * Keeps a server-rendered page current. The page was rendered at `version`; on every connect of
 * the socket (the first one too) it asks the server for the current version and re-renders when
 * they differ, since nothing reaches a socket before it connects. From then on each
 * `session:updated` about its scope re-renders it. Back and Forward can show a page as it was
 * rendered long ago (the router's cache, or the browser's back/forward cache, which keeps the
 * socket's view of "connected" too), so it also asks whenever it is shown with a version it has
 * not checked, and whenever the browser restores it from the back/forward cache. Renders nothing.
 */
export function LiveRefresh({ scope, version }: { scope: LiveScope; version: number }) {
  const router = useRouter()
  const rendered = useRef(version)
  rendered.current = version
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
  useSocketEvent('session:updated', (update) => {
    if (scope.kind !== 'session' || update.sessionId === scope.sessionId) refresh()
  })
  const check = () => {
    void emitWithAck('live:version', scope).then((result) => {
      // Without an answer, the next connect asks again; updates keep coming meanwhile.
      if (result.ok && result.data.version !== rendered.current) refresh()
    })
  }
  const latestCheck = useRef(check)
  latestCheck.current = check
  useSocketStatus((connected) => {
    if (connected) check()
  })
  // A version this component has not checked yet: the page came back from the router's cache.
  const checked = useRef(version)
  useEffect(() => {
    if (checked.current === version) return
    checked.current = version
    latestCheck.current()
  }, [version])
  useEffect(() => {
    const onPageShow = (event: PageTransitionEvent) => {
      if (event.persisted) latestCheck.current()
    }
    window.addEventListener('pageshow', onPageShow)
    return () => window.removeEventListener('pageshow', onPageShow)
  }, [])
  return null
}
