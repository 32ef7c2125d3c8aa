'use client'

import { type ReactNode, useId, useRef, useState } from 'react'
import { Alert, Button } from '@/components/ui'
import { isTerminal, type SessionStatus, sessionStatuses } from '@/features/sessions/statuses'
import { callApi } from '@/lib/api-client'

/**
 * "End Session" behind a confirmation. A native modal dialog: focus moves into it, Escape closes
 * it, and the page behind is inert until it does.
 */
export function EndSessionButton({
  sessionId,
  onEnded,
  description = 'The session ends for both of you and cannot be reopened.',
  outcome,
  className = '',
}: {
  sessionId: string
  onEnded: () => void
  description?: string
  /** What happens to the time left; rendered only while the dialog is open, so it is current. */
  outcome?: ReactNode
  className?: string
}) {
  const dialog = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const descriptionId = useId()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [open, setOpen] = useState(false)

  const confirm = async () => {
    setBusy(true)
    setError(null)
    const result = await callApi<{ session: { status: SessionStatus } }>(
      `/api/sessions/${sessionId}/end`,
    )
    setBusy(false)
    const current = result.ok ? null : result.details.status
    // Already over (the other side or the clock was quicker): the outcome the user wanted.
    const alreadyEnded =
      !result.ok &&
      result.code === 'conflict' &&
      sessionStatuses.includes(current as SessionStatus) &&
      isTerminal(current as SessionStatus)
    if (result.ok || alreadyEnded) {
      dialog.current?.close()
      onEnded()
      return
    }
    if (!result.ok) setError(result.message)
  }

  return (
    <>
      <Button
        variant="danger"
        className={className}
        onClick={() => {
          setError(null)
          setOpen(true)
          dialog.current?.showModal()
        }}
      >
        End Session
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        aria-describedby={descriptionId}
        onClose={() => setOpen(false)}
        className="m-auto w-[min(28rem,calc(100%-2rem))] rounded-xl border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/50"
      >
        <div className="space-y-4 p-5">
          <h2 id={titleId} className="text-lg font-semibold">
            End this session?
          </h2>
          <p id={descriptionId} className="text-slate-700">
            {description}
          </p>
          {open && outcome}
          {error && <Alert>{error}</Alert>}
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            {/* First in the DOM, so showModal() focuses the safe choice. */}
            <Button variant="secondary" disabled={busy} onClick={() => dialog.current?.close()}>
              Keep talking
            </Button>
            <Button variant="danger" disabled={busy} aria-busy={busy} onClick={confirm}>
              End Session
            </Button>
          </div>
        </div>
      </dialog>
    </>
  )
}
