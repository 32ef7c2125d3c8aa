'use client'

import { useSyncExternalStore } from 'react'

const subscribeNever = () => () => {}

/**
 * A message's time in the reader's own zone. The server does not know that zone, so server HTML
 * carries only the machine-readable time and the browser fills in the words.
 */
export function MessageTime({ iso }: { iso: string }) {
  const inBrowser = useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  )
  return (
    <time dateTime={iso} className="whitespace-nowrap">
      {inBrowser
        ? new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' }).format(
            new Date(iso),
          )
        : ''}
    </time>
  )
}
