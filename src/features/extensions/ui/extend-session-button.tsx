'use client'

import { Clock, FlaskConical } from 'lucide-react'
import { useId, useRef, useState } from 'react'
import { Alert, Button } from '@/components/ui'
import {
  type ExtensionOptionId,
  extensionOptions,
  formatPrice,
} from '@/features/catalogue/catalogue'
import { LocalCheckoutActions } from '@/features/payments/ui/local-checkout-actions'
import { callApi } from '@/lib/api-client'

const options = Object.values(extensionOptions)

type OpenCheckout = { checkoutId: string; url: string; provider: 'local' | 'stripe' }

/**
 * "Extend Session" for the customer: pick more time and pay. The test-mode checkout is paid inside
 * this dialog, so the customer never leaves the room (ADR 0046); Stripe's hosted page is a
 * redirect back to it. The client sends only the option; the server knows its minutes and price.
 */
export function ExtendSessionButton({
  sessionId,
  label = 'Extend Session',
  variant = 'secondary',
  className = '',
}: {
  sessionId: string
  label?: string
  variant?: 'primary' | 'secondary'
  className?: string
}) {
  const dialog = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const [option, setOption] = useState<ExtensionOptionId>('15')
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ tone: 'error' | 'info'; text: string } | null>(null)
  const [openCheckout, setOpenCheckout] = useState<OpenCheckout | null>(null)
  // The dialog's close event comes after a render or before it; the ref is always current.
  const unpaid = useRef<string | null>(null)
  const choice = extensionOptions[option]

  const showCheckout = (checkout: OpenCheckout | null) => {
    unpaid.current = checkout?.checkoutId ?? null
    setOpenCheckout(checkout)
  }

  const checkout = async () => {
    setBusy(true)
    setMessage(null)
    const result = await callApi<{ checkout: OpenCheckout }>(
      `/api/sessions/${sessionId}/extensions`,
      { body: { option } },
    )
    if (!result.ok) {
      setBusy(false)
      setMessage({ tone: 'error', text: result.message })
      return
    }
    if (result.data.checkout.provider === 'stripe') {
      window.location.assign(result.data.checkout.url)
      return
    }
    setBusy(false)
    showCheckout(result.data.checkout)
  }

  // Closing the dialog (Escape, Not now) with a checkout open abandons it: nothing was paid, and
  // the mechanic stops seeing "Customer is extending the session…".
  const abandon = () => {
    const checkoutId = unpaid.current
    showCheckout(null)
    if (checkoutId) void callApi(`/api/checkouts/${checkoutId}/cancel`)
  }

  return (
    <>
      <Button
        variant={variant}
        className={className}
        onClick={() => {
          setMessage(null)
          dialog.current?.showModal()
        }}
      >
        <Clock aria-hidden className="size-4" />
        {label}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        onClose={abandon}
        className="m-auto w-[min(28rem,calc(100%-2rem))] rounded-xl border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/50"
      >
        {openCheckout ? (
          <div className="space-y-4 p-5" data-testid="extension-checkout">
            <h2 id={titleId} className="text-lg font-semibold">
              Pay for +{choice.minutes} min
            </h2>
            <div className="flex items-start gap-2 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
              <FlaskConical aria-hidden className="mt-0.5 size-4 shrink-0" />
              <p>
                Test-mode checkout — no card needed and no money moves. You stay in the room and the
                clock keeps running.
              </p>
            </div>
            <LocalCheckoutActions
              checkoutId={openCheckout.checkoutId}
              amount={formatPrice(choice.priceCents)}
              onPaid={() => {
                // Paid means fulfilled: the room hears "session:extended" and both clocks jump.
                showCheckout(null)
                dialog.current?.close()
              }}
              onCancelled={() => {
                showCheckout(null)
                setMessage({ tone: 'info', text: 'Extension cancelled — you were not charged.' })
              }}
            />
          </div>
        ) : (
          <form
            className="space-y-4 p-5"
            onSubmit={(event) => {
              event.preventDefault()
              void checkout()
            }}
          >
            <h2 id={titleId} className="text-lg font-semibold">
              Extend Session
            </h2>
            <p className="text-slate-700">
              The session keeps running while you pay; the time is added as soon as the payment goes
              through.
            </p>
            <fieldset className="space-y-2">
              <legend className="sr-only">How much time to add</legend>
              {options.map((item) => (
                <label
                  key={item.id}
                  className="flex min-h-11 cursor-pointer items-center justify-between gap-3 rounded-lg border border-slate-300 px-3 has-[:checked]:border-blue-600 has-[:checked]:bg-blue-50"
                >
                  <span className="flex items-center gap-2">
                    <input
                      type="radio"
                      name="extension-option"
                      value={item.id}
                      checked={option === item.id}
                      onChange={() => setOption(item.id)}
                      className="size-4"
                    />
                    +{item.minutes} min
                  </span>
                  <span className="font-semibold">{formatPrice(item.priceCents)}</span>
                </label>
              ))}
            </fieldset>
            {message && <Alert tone={message.tone}>{message.text}</Alert>}
            <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
              <Button variant="secondary" disabled={busy} onClick={() => dialog.current?.close()}>
                Not now
              </Button>
              <Button type="submit" disabled={busy}>
                {busy ? 'Opening checkout…' : `Pay ${formatPrice(choice.priceCents)}`}
              </Button>
            </div>
          </form>
        )}
      </dialog>
    </>
  )
}
