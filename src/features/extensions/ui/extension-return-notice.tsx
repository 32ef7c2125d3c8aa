'use client'

import { usePathname, useRouter, useSearchParams } from 'next/navigation'
import { useEffect, useRef, useState } from 'react'
import { useSocketEvent } from '@/features/realtime/client/use-socket-event'
import { callApi } from '@/lib/api-client'

/**
 * Back from Stripe's hosted extension checkout: a cancelled one is closed on our side (so it can no
 * longer be paid), and the customer is told what happened. The query string is then cleaned up.
 * The test-mode checkout is paid inside the room and never comes here.
 */
export function ExtensionReturnNotice() {
  const params = useSearchParams()
  const router = useRouter()
  const pathname = usePathname()
  const outcome = params.get('extension')
  const checkoutId = params.get('checkout')
  const [message, setMessage] = useState<{ tone: 'success' | 'info'; text: string } | null>(null)
  const handled = useRef(false)
  // Once the time is on the clock, "as soon as it is confirmed" is old news.
  useSocketEvent('session:extended', () =>
    setMessage((current) => (current?.tone === 'success' ? null : current)),
  )

  useEffect(() => {
    if (handled.current || !outcome) return
    handled.current = true
    if (outcome === 'paid') {
      setMessage({
        tone: 'success',
        text: 'Payment received — the extra time appears on the clock as soon as it is confirmed.',
      })
    } else if (outcome === 'cancelled') {
      setMessage({ tone: 'info', text: 'Extension cancelled — you were not charged.' })
      if (checkoutId) void callApi(`/api/checkouts/${checkoutId}/cancel`)
    }
    router.replace(pathname, { scroll: false })
  }, [outcome, checkoutId, pathname, router])

  if (!message) return null
  const tone =
    message.tone === 'success'
      ? 'border-green-300 bg-green-50 text-green-900'
      : 'border-slate-300 bg-slate-100 text-slate-800'
  return (
    <div role="status" className={`border-b px-4 py-2 text-sm font-medium ${tone}`}>
      {message.text}
    </div>
  )
}
