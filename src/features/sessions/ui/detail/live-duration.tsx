'use client'

import { useEffect, useState } from 'react'
import { formatElapsed } from '../dashboard/format'

/** How long a running session has been live, ticking; the server's start time is the reference. */
export function LiveDuration({ startedAt }: { startedAt: string }) {
  const [now, setNow] = useState<number | null>(null)
  useEffect(() => {
    setNow(Date.now())
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [])
  return (
    <span className="tabular-nums">
      {now === null ? 'Live' : `Live for ${formatElapsed(now - Date.parse(startedAt))}`}
    </span>
  )
}
