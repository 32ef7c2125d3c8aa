'use client'

import { Users } from 'lucide-react'
import { useEffect, useState } from 'react'
import { callApi } from '@/lib/api-client'
import type { WaitOutlook } from '../../get-wait-outlook'
import { describeWaitOutlook } from '../../wait-outlook-text'

/** How often a waiting customer's page asks again (ADR 0045: asked, not pushed). */
const REFRESH_MS = 15_000

/**
 * Who could take the request now and how long requests wait lately, asked again while the page
 * is visible. A failed refresh keeps the last reading: it is a guide, not a promise.
 */
export function WaitOutlookLines({ initial }: { initial: WaitOutlook }) {
  const [outlook, setOutlook] = useState(initial)
  // A re-render of the page (a live refresh) brings a fresh reading from the server.
  useEffect(() => setOutlook(initial), [initial])

  useEffect(() => {
    let cancelled = false
    async function refresh() {
      if (document.visibilityState !== 'visible') return
      const result = await callApi<WaitOutlook>('/api/wait-outlook', { method: 'GET' })
      if (!cancelled && result.ok) setOutlook(result.data)
    }
    const timer = setInterval(refresh, REFRESH_MS)
    document.addEventListener('visibilitychange', refresh)
    return () => {
      cancelled = true
      clearInterval(timer)
      document.removeEventListener('visibilitychange', refresh)
    }
  }, [])

  const text = describeWaitOutlook(outlook)
  return (
    <div
      className="flex items-start gap-2 rounded-lg bg-blue-50 p-3 text-sm text-blue-900"
      data-testid="wait-outlook"
    >
      <Users aria-hidden className="mt-0.5 size-4 shrink-0" />
      <p>
        <span data-testid="mechanics-available">{text.available}</span>{' '}
        <span data-testid="typical-wait">{text.typical}</span>
      </p>
    </div>
  )
}
