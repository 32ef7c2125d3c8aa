'use client'

import { useRouter } from 'next/navigation'
import { type FormEvent, useState } from 'react'
import { Alert, Button, Field } from '@/components/ui'
import {
  type CredentialErrors,
  focusFirstError,
  newAccountErrors,
  yearsExperienceError,
} from '@/features/auth/ui/credential-errors'
import { callApi } from '@/lib/api-client'
import { specialtyOptions } from '../schemas'

export function MechanicApplicationForm() {
  const router = useRouter()
  const [error, setError] = useState<string | null>(null)
  const [fieldErrors, setFieldErrors] = useState<CredentialErrors>({})
  const [pending, setPending] = useState(false)

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const specialties = form.getAll('specialties')
    const values = {
      name: String(form.get('name') ?? ''),
      email: String(form.get('email') ?? '').trim(),
      password: String(form.get('password') ?? ''),
    }
    const years = String(form.get('yearsExperience') ?? '')
    const errors: CredentialErrors = { ...newAccountErrors(values) }
    const yearsProblem = yearsExperienceError(years)
    if (yearsProblem) errors.yearsExperience = yearsProblem
    setFieldErrors(errors)
    setError(specialties.length === 0 ? 'Pick at least one specialty.' : null)
    focusFirstError(errors, ['name', 'email', 'password', 'yearsExperience'])
    if (Object.keys(errors).length > 0 || specialties.length === 0) return
    setPending(true)
    const result = await callApi('/api/mechanics/apply', {
      body: { ...values, yearsExperience: Number(years), specialties },
    })
    if (!result.ok) {
      setPending(false)
      setError(result.message)
      return
    }
    router.replace('/mechanic')
    router.refresh()
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {error && <Alert>{error}</Alert>}
      <Field
        id="name"
        name="name"
        label="Full name"
        autoComplete="name"
        required
        maxLength={100}
        error={fieldErrors.name}
      />
      <Field
        id="email"
        name="email"
        type="email"
        label="Email"
        autoComplete="email"
        required
        error={fieldErrors.email}
      />
      <Field
        id="password"
        name="password"
        type="password"
        label="Password"
        hint="At least 8 characters."
        autoComplete="new-password"
        required
        minLength={8}
        error={fieldErrors.password}
      />
      <Field
        id="yearsExperience"
        name="yearsExperience"
        type="number"
        inputMode="numeric"
        min={0}
        max={70}
        label="Years of experience"
        required
        error={fieldErrors.yearsExperience}
      />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">Specialties</legend>
        <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
          {specialtyOptions.map((specialty) => (
            <label
              key={specialty}
              className="flex min-h-11 items-center gap-2 rounded-lg border border-slate-300 bg-white px-3"
            >
              <input type="checkbox" name="specialties" value={specialty} className="size-4" />
              {specialty}
            </label>
          ))}
        </div>
      </fieldset>
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? 'Sending application…' : 'Apply as a mechanic'}
      </Button>
    </form>
  )
}
