'use client'

import { useEffect, useRef, useState } from 'react'
import { Alert } from '@/components/ui'
import { callApi } from '@/lib/api-client'

/**
 * Shown when the customer comes back from a checkout they left. Cancelling here too (once, even
 * under Strict Mode's double effects) makes sure a still-open provider checkout can no longer be
 * paid.
 */
export function CheckoutCancelledNotice({ checkoutId }: { checkoutId: string }) {
  const sent = useRef(false)
  const [state, setState] = useState<'cancelling' | 'cancelled' | 'failed'>('cancelling')

  useEffect(() => {
    if (sent.current) return
    sent.current = true
    void callApi(`/api/checkouts/${encodeURIComponent(checkoutId)}/cancel`).then((result) =>
      setState(result.ok ? 'cancelled' : 'failed'),
    )
  }, [checkoutId])

  if (state === 'failed') {
    return <Alert>We could not find that checkout. If you were charged, contact support.</Alert>
  }
  return (
    <Alert tone="info">
      {state === 'cancelling'
        ? 'Cancelling your checkout…'
        : 'Payment cancelled — you were not charged.'}
    </Alert>
  )
}
