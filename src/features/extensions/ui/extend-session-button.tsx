'use client'

import { Clock } from 'lucide-react'
import { useId, useRef, useState } from 'react'
import { Alert, Button } from '@/components/ui'
import {
  type ExtensionOptionId,
  extensionOptions,
  formatPrice,
} from '@/features/catalogue/catalogue'
import { callApi } from '@/lib/api-client'

const options = Object.values(extensionOptions)

/**
 * "Extend Session" for the customer: pick more time, pay at checkout, come back to the running
 * room. The client sends only the option; the server knows its minutes and price.
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
  const [error, setError] = useState<string | null>(null)

  const checkout = async () => {
    setBusy(true)
    setError(null)
    const result = await callApi<{ checkout: { url: string } }>(
      `/api/sessions/${sessionId}/extensions`,
      {
        body: { option },
      },
    )
    if (!result.ok) {
      setBusy(false)
      setError(result.message)
      return
    }
    window.location.assign(result.data.checkout.url)
  }

  return (
    <>
      <Button
        variant={variant}
        className={className}
        onClick={() => {
          setError(null)
          dialog.current?.showModal()
        }}
      >
        <Clock aria-hidden className="size-4" />
        {label}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-auto w-[min(28rem,calc(100%-2rem))] rounded-xl border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/50"
      >
        <form
          method="dialog"
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
            {options.map((choice) => (
              <label
                key={choice.id}
                className="flex min-h-11 cursor-pointer items-center justify-between gap-3 rounded-lg border border-slate-300 px-3 has-[:checked]:border-blue-600 has-[:checked]:bg-blue-50"
              >
                <span className="flex items-center gap-2">
                  <input
                    type="radio"
                    name="extension-option"
                    value={choice.id}
                    checked={option === choice.id}
                    onChange={() => setOption(choice.id)}
                    className="size-4"
                  />
                  +{choice.minutes} min
                </span>
                <span className="font-semibold">{formatPrice(choice.priceCents)}</span>
              </label>
            ))}
          </fieldset>
          {error && <Alert>{error}</Alert>}
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="secondary" disabled={busy} onClick={() => dialog.current?.close()}>
              Not now
            </Button>
            <Button type="submit" disabled={busy}>
              {busy
                ? 'Opening checkout…'
                : `Pay ${formatPrice(extensionOptions[option].priceCents)}`}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  )
}
