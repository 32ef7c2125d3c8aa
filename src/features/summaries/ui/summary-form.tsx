'use client'

import { Plus, Send, Trash2 } from 'lucide-react'
import { useRouter } from 'next/navigation'
import { type FormEvent, useEffect, useRef, useState } from 'react'
import { Alert, Button, Field } from '@/components/ui'
import type { SharedFile } from '@/features/realtime/contract'
import type { SummaryView } from '../summary-view'
import { urgencyLabels } from '../summary-view'
import type { Urgency } from '../urgencies'
import { AddSummaryPhoto } from './add-summary-photo'

type PartRow = { key: string; part: string; quantity: string; cost: string }
type SaveState = 'idle' | 'saving' | 'saved' | 'error'

const SAVE_DELAY_MS = 700
const textareaClass =
  'block min-h-28 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base shadow-sm focus:border-blue-600'

let rowCounter = 0
const rowKey = () => `row-${++rowCounter}`

function toRows(summary: SummaryView | null): PartRow[] {
  return (summary?.parts ?? []).map((part) => ({
    key: rowKey(),
    part: part.part,
    quantity: String(part.quantity),
    cost: (part.estimatedCostCents / 100).toFixed(2),
  }))
}

/** Rows without a part name are not sent yet; the rest become numbers the server checks. */
function toParts(rows: PartRow[]) {
  return rows
    .filter((row) => row.part.trim() !== '')
    .map((row) => ({
      part: row.part.trim(),
      quantity: Math.max(1, Math.round(Number(row.quantity) || 1)),
      estimatedCostCents: Math.max(0, Math.round((Number(row.cost) || 0) * 100)),
    }))
}

async function errorMessage(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as {
    error?: { message?: string }
  } | null
  return body?.error?.message ?? 'Something went wrong. Please try again.'
}

/**
 * The mechanic's summary. Every change is saved to the server shortly after typing stops, so a
 * reload or a second device picks up where the mechanic left off.
 */
export function SummaryForm({
  sessionId,
  customerName,
  initial,
  photos,
}: {
  sessionId: string
  customerName: string
  initial: SummaryView | null
  photos: readonly SharedFile[]
}) {
  const router = useRouter()
  const [findings, setFindings] = useState(initial?.findings ?? '')
  const [stepsTaken, setStepsTaken] = useState(initial?.stepsTaken ?? '')
  const [recommendations, setRecommendations] = useState(initial?.recommendations ?? '')
  const [urgency, setUrgency] = useState<Urgency | null>(initial?.urgency ?? null)
  const [rows, setRows] = useState<PartRow[]>(() => toRows(initial))
  const [photoIds, setPhotoIds] = useState<string[]>(initial?.photoFileIds ?? [])
  const [choices, setChoices] = useState<readonly SharedFile[]>(photos)
  const [saveState, setSaveState] = useState<SaveState>(initial ? 'saved' : 'idle')
  const [saveError, setSaveError] = useState<string | null>(null)
  const [submitError, setSubmitError] = useState<string | null>(null)
  const [submitting, setSubmitting] = useState(false)
  const changed = useRef(false)
  const body = {
    findings,
    stepsTaken,
    recommendations,
    urgency,
    parts: toParts(rows),
    photoFileIds: photoIds,
  }
  const serialized = JSON.stringify(body)

  useEffect(() => {
    if (!changed.current) return
    // Shown at once, so "Saved" always means the latest change is on the server.
    setSaveState('saving')
    const controller = new AbortController()
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/sessions/${sessionId}/summary`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: serialized,
          signal: controller.signal,
        })
        if (response.ok) {
          setSaveState('saved')
          setSaveError(null)
        } else {
          setSaveState('error')
          setSaveError(await errorMessage(response))
        }
      } catch (error) {
        if (controller.signal.aborted) return
        setSaveState('error')
        setSaveError(error instanceof Error ? 'Not saved: check your connection.' : null)
      }
    }, SAVE_DELAY_MS)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [serialized, sessionId])

  function edit<T>(setter: (value: T) => void) {
    return (value: T) => {
      changed.current = true
      setter(value)
    }
  }
  const updateRows = edit(setRows)

  function updateRow(key: string, patch: Partial<PartRow>) {
    updateRows(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)))
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setSubmitting(true)
    setSubmitError(null)
    try {
      const response = await fetch(`/api/sessions/${sessionId}/summary/submit`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: serialized,
      })
      if (response.ok) {
        changed.current = false
        router.refresh()
        return
      }
      setSubmitError(await errorMessage(response))
    } catch {
      setSubmitError('Not sent: check your connection and try again.')
    } finally {
      setSubmitting(false)
    }
  }

  const saveText = {
    idle: 'Changes are saved as you type.',
    saving: 'Saving…',
    saved: 'Saved',
    error: saveError ?? 'Not saved.',
  }[saveState]

  return (
    <form onSubmit={onSubmit} className="space-y-6" aria-label="Session summary">
      <p
        role="status"
        data-testid="save-state"
        className={`text-sm ${saveState === 'error' ? 'text-red-700' : 'text-slate-600'}`}
      >
        {saveText}
      </p>

      <TextArea
        id="summary-findings"
        label="What you found"
        value={findings}
        onChange={edit(setFindings)}
        required
      />
      <TextArea
        id="summary-steps"
        label="Steps taken during the session"
        value={stepsTaken}
        onChange={edit(setStepsTaken)}
      />
      <TextArea
        id="summary-recommendations"
        label="Recommended next steps"
        value={recommendations}
        onChange={edit(setRecommendations)}
        required
      />

      <fieldset className="space-y-2">
        <legend className="mb-1 text-sm font-medium text-slate-800">How urgent is it?</legend>
        <div className="flex flex-wrap gap-2">
          {(Object.keys(urgencyLabels) as Urgency[]).map((value) => (
            <label
              key={value}
              className="inline-flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border border-slate-300 px-3 has-[:checked]:border-blue-600 has-[:checked]:bg-blue-50"
            >
              <input
                type="radio"
                name="urgency"
                value={value}
                checked={urgency === value}
                onChange={() => edit(setUrgency)(value)}
              />
              {urgencyLabels[value]}
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset className="space-y-3">
        <legend className="mb-1 text-sm font-medium text-slate-800">Parts</legend>
        {rows.length === 0 && <p className="text-sm text-slate-600">No parts listed.</p>}
        <ul className="space-y-3">
          {rows.map((row, index) => (
            <li
              key={row.key}
              data-testid="part-row"
              className="grid items-end gap-2 rounded-lg border border-slate-200 p-3 sm:grid-cols-[1fr_6rem_9rem_auto]"
            >
              <Field
                id={`summary-part-${index}`}
                label={`Part ${index + 1}`}
                value={row.part}
                maxLength={200}
                onChange={(event) => updateRow(row.key, { part: event.target.value })}
              />
              <Field
                id={`summary-quantity-${index}`}
                label="Quantity"
                type="number"
                min={1}
                max={999}
                value={row.quantity}
                onChange={(event) => updateRow(row.key, { quantity: event.target.value })}
              />
              <Field
                id={`summary-cost-${index}`}
                label="Estimated cost ($)"
                inputMode="decimal"
                value={row.cost}
                onChange={(event) => updateRow(row.key, { cost: event.target.value })}
              />
              <Button
                variant="secondary"
                aria-label={`Remove part ${index + 1}`}
                onClick={() => updateRows(rows.filter((other) => other.key !== row.key))}
              >
                <Trash2 aria-hidden className="size-4" />
                Remove
              </Button>
            </li>
          ))}
        </ul>
        <Button
          variant="secondary"
          onClick={() =>
            updateRows([...rows, { key: rowKey(), part: '', quantity: '1', cost: '' }])
          }
        >
          <Plus aria-hidden className="size-4" />
          Add a part
        </Button>
      </fieldset>

      <fieldset className="space-y-2">
        <legend className="mb-1 text-sm font-medium text-slate-800">Photos</legend>
        {choices.length === 0 ? (
          <p className="text-sm text-slate-600">
            No photos were shared in this session. Add one you took since.
          </p>
        ) : (
          <ul className="flex flex-wrap gap-3">
            {choices.map((photo) => (
              <li key={photo.id}>
                <label className="flex w-36 cursor-pointer flex-col gap-1 rounded-lg border border-slate-300 p-2 text-sm has-[:checked]:border-blue-600 has-[:checked]:bg-blue-50">
                  {photo.hasThumbnail && (
                    // biome-ignore lint/performance/noImgElement: signed, short-lived URLs the image optimiser cannot cache
                    <img
                      src={`/api/files/${photo.id}?variant=thumbnail`}
                      alt=""
                      className="h-24 w-full rounded object-cover"
                    />
                  )}
                  <span className="flex items-center gap-2">
                    <input
                      type="checkbox"
                      checked={photoIds.includes(photo.id)}
                      onChange={(event) =>
                        edit(setPhotoIds)(
                          event.target.checked
                            ? [...photoIds, photo.id]
                            : photoIds.filter((id) => id !== photo.id),
                        )
                      }
                    />
                    <span className="truncate">{photo.name}</span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        )}
        <AddSummaryPhoto
          sessionId={sessionId}
          onAdded={(photo) => {
            setChoices((current) => [...current, photo])
            edit(setPhotoIds)((current) => [...current, photo.id])
          }}
        />
      </fieldset>

      {submitError && <Alert>{submitError}</Alert>}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={submitting}>
          <Send aria-hidden className="size-4" />
          {submitting ? 'Sending…' : `Send to ${customerName}`}
        </Button>
        <p className="text-sm text-slate-600">It is sent once and cannot be changed after.</p>
      </div>
    </form>
  )
}

function TextArea({
  id,
  label,
  value,
  onChange,
  required,
}: {
  id: string
  label: string
  value: string
  onChange: (value: string) => void
  required?: boolean
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
        {required && <span className="text-slate-500"> (required)</span>}
      </label>
      <textarea
        id={id}
        className={textareaClass}
        value={value}
        maxLength={10_000}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  )
}
