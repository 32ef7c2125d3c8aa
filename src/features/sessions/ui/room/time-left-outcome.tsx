'use client'

import { useEffect, useState } from 'react'
import { formatPrice } from '@/features/catalogue/catalogue'
import { unusedExtensions } from '@/features/sessions/unused-extensions'
import { callApi } from '@/lib/api-client'

const outcomeClass = 'rounded-lg bg-slate-100 px-3 py-2 text-slate-800'

type Extension = { id: string; minutes: number; amountCents: number; createdAt: string }

/**
 * What happens to the paid time left if the session ends now, in the End Session dialog. The
 * extensions are read when the dialog opens; the rule is the one the server applies (ADR 0043).
 */
function describeOutcome(
  remainingMs: number,
  extensions: Extension[],
  viewer: 'customer' | 'mechanic' | 'admin',
): string {
  const minutesLeft = Math.floor(remainingMs / 60_000)
  const refunded = unusedExtensions(remainingMs, [...extensions].reverse())
  const self = viewer === 'customer'
  const left = self ? `You have ${minutesLeft} min left` : `${minutesLeft} min are left`
  if (refunded.length === 0) {
    return `${left}. Time left on ${self ? 'your' : 'the'} plan is not refunded.`
  }
  const which = refunded
    .map(
      (extension) => `+${extension.minutes} min extension (${formatPrice(extension.amountCents)})`,
    )
    .join(' and the unused ')
  return `${left}; ${self ? 'the' : "the customer's"} unused ${which} will be refunded.`
}

export function TimeLeftOutcome({
  sessionId,
  remainingMs,
  startedAt,
  serverOffsetMs,
  viewer,
}: {
  sessionId: string
  remainingMs: number
  /** When the clock first started (the cancel-within-a-minute rule counts from it). */
  startedAt: string | null
  serverOffsetMs: number
  viewer: 'customer' | 'mechanic' | 'admin'
}) {
  const [extensions, setExtensions] = useState<Extension[] | null>(null)
  useEffect(() => {
    let current = true
    void callApi<{ extensions: Extension[] }>(`/api/sessions/${sessionId}/extensions`, {
      method: 'GET',
    }).then((result) => {
      if (current) setExtensions(result.ok ? result.data.extensions : [])
    })
    return () => {
      current = false
    }
  }, [sessionId])
  if (extensions === null) return null
  if (startedAt !== null && Date.now() + serverOffsetMs - Date.parse(startedAt) < 60_000) {
    return (
      <p className={outcomeClass} data-testid="time-left-outcome">
        Ending in the first minute cancels the session, and what was paid is refunded in full.
      </p>
    )
  }

  const text = describeOutcome(remainingMs, extensions, viewer)
  return (
    <p className={outcomeClass} data-testid="time-left-outcome">
      {text}
    </p>
  )
}
