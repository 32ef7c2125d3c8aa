'use client'

import { CreditCard } from 'lucide-react'
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { Alert, Button } from '@/components/ui'
import { useHydrated } from '@/components/use-hydrated'
import { callApi } from '@/lib/api-client'

/**
 * Pay or back out of a local test-mode checkout. On its own page both end on the page the checkout
 * names; inside another page (the room's Extend Session dialog) the callbacks say what happened.
 */
export function LocalCheckoutActions({
  checkoutId,
  amount,
  cancelPath,
  onPaid,
  onCancelled,
}: {
  checkoutId: string
  amount: string
  cancelPath?: string
  onPaid?: () => void
  onCancelled?: () => void
}) {
  const router = useRouter()
  const hydrated = useHydrated()
  const [pending, setPending] = useState<'pay' | 'cancel' | null>(null)
  const [error, setError] = useState<string | null>(null)

  async function pay() {
    setPending('pay')
    setError(null)
    const result = await callApi<{ returnUrl: string }>(`/api/checkout/local/${checkoutId}/pay`)
    if (result.ok && onPaid) return onPaid()
    // Replace, so Back does not return to a checkout that is already settled.
    if (result.ok) {
      router.replace(result.data.returnUrl)
      return
    }
    setPending(null)
    setError(result.message)
    // A 409 means it was cancelled meanwhile (another tab); the page says so after a refresh.
    if (result.status === 409) router.refresh()
  }

  async function cancel() {
    setPending('cancel')
    setError(null)
    const result = await callApi(`/api/checkouts/${checkoutId}/cancel`)
    if (result.ok && onCancelled) return onCancelled()
    if (result.ok) {
      router.replace(cancelPath ?? '/customer')
      return
    }
    setPending(null)
    setError(result.message)
  }

  return (
    <div className="space-y-3">
      {error && <Alert>{error}</Alert>}
      <Button
        onClick={pay}
        disabled={!hydrated || pending !== null}
        className="min-h-14 w-full sm:text-lg"
        data-testid="pay-button"
      >
        <CreditCard aria-hidden className="size-5" />
        {pending === 'pay' ? 'Processing payment…' : `Pay ${amount} — test mode`}
      </Button>
      <Button
        variant="secondary"
        onClick={cancel}
        disabled={!hydrated || pending !== null}
        className="w-full"
      >
        {pending === 'cancel' ? 'Cancelling…' : 'Cancel'}
      </Button>
    </div>
  )
}
