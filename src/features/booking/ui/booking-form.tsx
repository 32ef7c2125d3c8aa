'use client'

import { MessageSquare, Stethoscope, Video } from 'lucide-react'
import { type FormEvent, useRef, useState } from 'react'
import { Alert, Button, Field } from '@/components/ui'
import { useHydrated } from '@/components/use-hydrated'
import { deliveryLabel } from '@/features/catalogue/catalogue'
import { callApi } from '@/lib/api-client'
import type { BookingDraft } from '../get-booking-draft'
import type { PlanChoice } from './plan-choices'

const CONCERN_MAX = 2000

type FieldName = 'plan' | 'vehicle.year' | 'vehicle.make' | 'vehicle.model' | 'concern'
type FieldErrors = Partial<Record<FieldName, string>>
type Issue = { path: string; message: string }

const fieldIds: Record<FieldName, string> = {
  plan: 'plan-chat',
  'vehicle.year': 'vehicle-year',
  'vehicle.make': 'vehicle-make',
  'vehicle.model': 'vehicle-model',
  concern: 'concern',
}

const planIcons = { chat: MessageSquare, video: Video, diagnostic: Stethoscope } as const

/**
 * Plan, vehicle and concern, sent to the server, which prices the plan and opens a checkout.
 * Validation is the server's (the 422 issues land on their fields); the browser only stops the
 * description from growing past its limit.
 */
export function BookingForm({
  plans,
  draft = null,
  initialVehicle,
}: {
  plans: PlanChoice[]
  /** What was typed for a booking that never reached a mechanic, to start from again. */
  draft?: BookingDraft | null
  /** "Book again": the vehicle of the session that just ended, to change or keep. */
  initialVehicle?: { year: number; make: string; model: string }
}) {
  const formRef = useRef<HTMLFormElement>(null)
  const hydrated = useHydrated()
  const vehicle = draft?.vehicle ?? initialVehicle
  const [concern, setConcern] = useState(draft?.concern ?? '')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [activeConflict, setActiveConflict] = useState(false)
  const [pending, setPending] = useState(false)

  function clearError(field: FieldName) {
    setErrors((current) => {
      if (!current[field]) return current
      const { [field]: _removed, ...rest } = current
      return rest
    })
  }

  function showErrors(next: FieldErrors) {
    setErrors(next)
    const first = (Object.keys(fieldIds) as FieldName[]).find((field) => next[field])
    if (first) {
      const target =
        first === 'plan'
          ? formRef.current?.querySelector<HTMLInputElement>('input[name="plan"]')
          : document.getElementById(fieldIds[first])
      target?.focus()
    }
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setFormError(null)
    setActiveConflict(false)
    if (concern.length > CONCERN_MAX) {
      showErrors({ concern: 'Keep the description under 2,000 characters' })
      return
    }
    const form = new FormData(event.currentTarget)
    const year = String(form.get('year') ?? '').trim()
    setPending(true)
    const result = await callApi<{ checkout: { checkoutId: string; url: string } }>(
      '/api/bookings',
      {
        body: {
          plan: form.get('plan') ?? undefined,
          vehicle: {
            year: year === '' ? undefined : year,
            make: form.get('make'),
            model: form.get('model'),
          },
          concern,
        },
      },
    )
    if (result.ok) {
      // Stripe's page, or the local test-mode checkout; either way a full navigation.
      window.location.assign(result.data.checkout.url)
      return
    }
    setPending(false)
    if (result.status === 422 && Array.isArray(result.details.issues)) {
      const next: FieldErrors = {}
      for (const issue of result.details.issues as Issue[]) {
        const field = issue.path as FieldName
        if (field in fieldIds && !next[field]) next[field] = issue.message
      }
      if (Object.keys(next).length > 0) {
        showErrors(next)
        return
      }
    }
    if (result.status === 409) {
      setActiveConflict(true)
      return
    }
    setFormError(result.message)
  }

  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      noValidate
      className="space-y-6"
      aria-label="Book a session"
    >
      {formError && <Alert>{formError}</Alert>}
      {activeConflict && (
        <Alert>
          You already have an active session.{' '}
          <a href="/customer" className="font-semibold underline">
            Show it
          </a>
        </Alert>
      )}
      {Object.keys(errors).length > 0 && (
        <Alert>Some details need another look; see the highlighted fields.</Alert>
      )}

      <fieldset
        className="space-y-2"
        aria-describedby={errors.plan ? 'plan-error' : undefined}
        aria-invalid={errors.plan ? true : undefined}
      >
        <legend className="mb-2 text-sm font-medium text-slate-800">Choose a plan</legend>
        <div className="grid gap-3 sm:grid-cols-3">
          {plans.map((plan) => {
            const Icon = planIcons[plan.id]
            return (
              <label
                key={plan.id}
                htmlFor={`plan-${plan.id}`}
                className="relative flex cursor-pointer flex-col gap-1 rounded-xl border border-slate-300 bg-white p-4 shadow-sm transition hover:border-blue-400 has-checked:border-blue-600 has-checked:bg-blue-50 has-checked:ring-2 has-checked:ring-blue-600 has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-blue-600"
              >
                <span className="flex items-center justify-between gap-2">
                  <span className="flex items-center gap-2 font-semibold">
                    <Icon aria-hidden className="size-5 text-blue-600" />
                    {plan.label}
                  </span>
                  <input
                    id={`plan-${plan.id}`}
                    type="radio"
                    name="plan"
                    value={plan.id}
                    defaultChecked={draft?.plan === plan.id}
                    aria-label={`${plan.label}: ${plan.length}, ${plan.price}`}
                    aria-describedby={`plan-${plan.id}-blurb`}
                    className="size-4 accent-blue-600 focus-visible:outline-none"
                    onChange={() => clearError('plan')}
                  />
                </span>
                <span className="text-2xl font-bold">{plan.price}</span>
                <span className="text-sm text-slate-600">
                  {plan.length} · {deliveryLabel(plan.type)}
                </span>
                <span id={`plan-${plan.id}-blurb`} className="text-sm text-slate-600">
                  {plan.blurb}
                </span>
              </label>
            )
          })}
        </div>
        {errors.plan && (
          <p id="plan-error" className="text-sm text-red-700">
            {errors.plan}
          </p>
        )}
      </fieldset>

      <fieldset className="space-y-2">
        <legend className="mb-2 text-sm font-medium text-slate-800">Your vehicle</legend>
        <div className="grid gap-3 sm:grid-cols-[8rem_1fr_1fr]">
          <Field
            id="vehicle-year"
            name="year"
            label="Year"
            inputMode="numeric"
            autoComplete="off"
            placeholder="2018"
            defaultValue={vehicle ? String(vehicle.year) : undefined}
            maxLength={4}
            error={errors['vehicle.year']}
            onChange={() => clearError('vehicle.year')}
          />
          <Field
            id="vehicle-make"
            name="make"
            label="Make"
            placeholder="Toyota"
            defaultValue={vehicle?.make}
            maxLength={50}
            error={errors['vehicle.make']}
            onChange={() => clearError('vehicle.make')}
          />
          <Field
            id="vehicle-model"
            name="model"
            label="Model"
            placeholder="Corolla"
            defaultValue={vehicle?.model}
            maxLength={50}
            error={errors['vehicle.model']}
            onChange={() => clearError('vehicle.model')}
          />
        </div>
      </fieldset>

      <ConcernField
        value={concern}
        error={errors.concern}
        onChange={(value) => {
          setConcern(value)
          clearError('concern')
        }}
      />

      <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
        <p className="text-sm text-slate-600">
          You pay on the next page. If no mechanic accepts your request, you are refunded.
        </p>
        <Button type="submit" disabled={!hydrated || pending} className="w-full sm:w-auto">
          {pending ? 'Opening checkout…' : 'Continue to payment'}
        </Button>
      </div>
    </form>
  )
}

function ConcernField({
  value,
  error,
  onChange,
}: {
  value: string
  error?: string
  onChange: (value: string) => void
}) {
  const atLimit = value.length >= CONCERN_MAX
  const nearLimit = value.length >= CONCERN_MAX - 100
  const describedBy = ['concern-hint', 'concern-count', error && 'concern-error']
    .filter(Boolean)
    .join(' ')
  return (
    <div className="space-y-1">
      <label htmlFor="concern" className="block text-sm font-medium text-slate-800">
        What is the problem?
      </label>
      <p id="concern-hint" className="text-sm text-slate-500">
        What the car does, since when, any warning lights or noises, and what you have tried.
      </p>
      <textarea
        id="concern"
        name="concern"
        rows={5}
        required
        maxLength={CONCERN_MAX}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className="block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base shadow-sm focus:border-blue-600"
      />
      <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1">
        {error ? (
          <p id="concern-error" className="text-sm text-red-700">
            {error}
          </p>
        ) : (
          <span />
        )}
        <p
          id="concern-count"
          data-testid="concern-count"
          className={`ml-auto text-sm tabular-nums ${
            atLimit ? 'font-semibold text-red-700' : nearLimit ? 'text-amber-700' : 'text-slate-500'
          }`}
        >
          {value.length.toLocaleString('en-US')} / {CONCERN_MAX.toLocaleString('en-US')}
          {atLimit && ' — limit reached'}
        </p>
      </div>
    </div>
  )
}
