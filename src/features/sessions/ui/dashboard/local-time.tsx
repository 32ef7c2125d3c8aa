'use client'

import { useEffect, useState } from 'react'

const serverFormat = new Intl.DateTimeFormat('en-US', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
})

/**
 * A timestamp in the reader's own time zone. The server does not know that zone, so the first
 * paint shows UTC (marked as such) and the browser swaps in local time once it has hydrated.
 */
export function LocalTime({ iso }: { iso: string }) {
  const [local, setLocal] = useState<string | null>(null)
  useEffect(() => {
    setLocal(
      new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(
        new Date(iso),
      ),
    )
  }, [iso])
  return (
    <time dateTime={iso} className="md:whitespace-nowrap">
      {local ?? `${serverFormat.format(new Date(iso))} UTC`}
    </time>
  )
}
