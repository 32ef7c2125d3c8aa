'use client'

import { formatElapsed } from './format'
import { useNow } from './use-now'

/** A stopwatch counting up from `iso`, e.g. how long a request has been waiting. */
export function ElapsedSince({ iso, testId }: { iso: string; testId?: string }) {
  const now = useNow()
  return (
    <span className="font-mono font-semibold tabular-nums text-slate-900" data-testid={testId}>
      {now === null ? '–:––' : formatElapsed(now - Date.parse(iso))}
    </span>
  )
}
