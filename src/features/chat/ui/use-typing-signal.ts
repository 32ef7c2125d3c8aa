'use client'

import { useCallback, useEffect, useRef } from 'react'

const IDLE_MS = 2500
// Receivers drop an indicator after 6 s without news; say it again well before that.
const REPEAT_MS = 3000

/**
 * Turns keystrokes into few `typing` signals: true when typing starts (repeated while it goes on),
 * false after a pause, on send, on blur and when the composer goes away.
 */
export function useTypingSignal(setTyping: (typing: boolean) => void): {
  touch: () => void
  stop: () => void
} {
  const typing = useRef(false)
  const lastSent = useRef(0)
  const idle = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const latest = useRef(setTyping)
  latest.current = setTyping

  const stop = useCallback(() => {
    clearTimeout(idle.current)
    if (!typing.current) return
    typing.current = false
    latest.current(false)
  }, [])

  const touch = useCallback(() => {
    const now = Date.now()
    if (!typing.current || now - lastSent.current > REPEAT_MS) {
      typing.current = true
      lastSent.current = now
      latest.current(true)
    }
    clearTimeout(idle.current)
    idle.current = setTimeout(stop, IDLE_MS)
  }, [stop])

  useEffect(() => stop, [stop])
  return { touch, stop }
}
