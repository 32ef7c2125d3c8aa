'use client'

import { useEffect, useState } from 'react'

/**
 * The current time, repainted every `intervalMs`, for waiting times that tick. Null until the
 * component has mounted, so the server's render and the first browser render agree.
 */
export function useNow(intervalMs = 1000): number | null {
  const [now, setNow] = useState<number | null>(null)
  useEffect(() => {
    setNow(Date.now())
    const timer = setInterval(() => setNow(Date.now()), intervalMs)
    return () => clearInterval(timer)
  }, [intervalMs])
  return now
}
