'use client'

import { SendHorizontal } from 'lucide-react'
import { type ReactNode, useId, useState } from 'react'
import { Button } from '@/components/ui'
import { MAX_MESSAGE_LENGTH } from '@/features/realtime/contract'

const COUNTER_FROM = MAX_MESSAGE_LENGTH - 500

/**
 * The message box. Enter sends, Shift+Enter starts a new line. When sending is not possible the
 * box is disabled and says why.
 */
export function MessageComposer({
  onSend,
  onTyping,
  onStopTyping,
  disabledReason,
  accessory,
  onPasteFiles,
}: {
  /** Beside the box, before it (the Attach button). */
  accessory?: ReactNode
  /** Files pasted into the box (a screenshot) go here instead of into the text. */
  onPasteFiles?: (files: File[]) => void
  onSend: (body: string) => void
  onTyping: () => void
  onStopTyping: () => void
  disabledReason: string | null
}) {
  const id = useId()
  const [body, setBody] = useState('')
  const disabled = disabledReason !== null
  const text = body.trim()

  const submit = () => {
    if (disabled || text === '') return
    onSend(text)
    setBody('')
    onStopTyping()
  }

  const noteId = `${id}-note`
  const counterId = `${id}-counter`
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault()
        submit()
      }}
      className="border-t border-slate-200 bg-white p-3"
    >
      <label htmlFor={id} className="sr-only">
        Message
      </label>
      <div className="flex items-end gap-2">
        {accessory}
        <textarea
          id={id}
          value={body}
          rows={1}
          maxLength={MAX_MESSAGE_LENGTH}
          disabled={disabled}
          placeholder={disabled ? undefined : 'Write a message…'}
          aria-describedby={`${noteId}${body.length >= COUNTER_FROM ? ` ${counterId}` : ''}`}
          onChange={(event) => {
            setBody(event.target.value)
            if (event.target.value.trim() === '') onStopTyping()
            else onTyping()
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
              event.preventDefault()
              submit()
            }
          }}
          onBlur={onStopTyping}
          onPaste={(event) => {
            const files = [...event.clipboardData.files]
            if (!onPasteFiles || files.length === 0) return
            event.preventDefault()
            onPasteFiles(files)
          }}
          className="field-sizing-content max-h-40 min-h-11 flex-1 resize-none rounded-lg border border-slate-300 bg-white px-3 py-2.5 text-base leading-6 shadow-sm focus:border-blue-600 disabled:cursor-not-allowed disabled:bg-slate-100"
        />
        <Button type="submit" disabled={disabled || text === ''} className="shrink-0">
          <SendHorizontal aria-hidden className="size-4" />
          <span className="sr-only sm:not-sr-only">Send</span>
        </Button>
      </div>
      <div className="mt-1.5 flex items-start justify-between gap-3 text-xs">
        <p id={noteId} className={disabled ? 'text-sm text-slate-700' : 'text-slate-500'}>
          {disabledReason ?? 'Enter to send · Shift+Enter for a new line'}
        </p>
        {body.length >= COUNTER_FROM && (
          <p
            id={counterId}
            aria-live="polite"
            className={`shrink-0 tabular-nums ${
              body.length >= MAX_MESSAGE_LENGTH ? 'font-semibold text-red-700' : 'text-slate-600'
            }`}
          >
            {body.length.toLocaleString('en-US')} / {MAX_MESSAGE_LENGTH.toLocaleString('en-US')}
          </p>
        )}
      </div>
    </form>
  )
}
