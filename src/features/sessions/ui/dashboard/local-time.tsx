'use client'

import { useEffect, useState } from 'react'

const serverFormats = {
  short: new Intl.DateTimeFormat('en-US', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  }),
  medium: new Intl.DateTimeFormat('en-US', {
    dateStyle: 'medium',
    timeStyle: 'medium',
    timeZone: 'UTC',
  }),
}

/**
 * A timestamp in the reader's own time zone. The server does not know that zone, so the first
 * paint shows UTC (marked as such) and the browser swaps in local time once it has hydrated.
 */
export function LocalTime({ iso, seconds = false }: { iso: string; seconds?: boolean }) {
  const [local, setLocal] = useState<string | null>(null)
  const timeStyle = seconds ? 'medium' : 'short'
  useEffect(() => {
    setLocal(
      new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle }).format(new Date(iso)),
    )
  }, [iso, timeStyle])
  return (
    <time dateTime={iso} className="md:whitespace-nowrap">
      {local ?? `${serverFormats[timeStyle].format(new Date(iso))} UTC`}
    </time>
  )
}
