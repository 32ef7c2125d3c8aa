'use client'

import { useRouter } from 'next/navigation'
import { type FormEvent, useState } from 'react'
import { Alert, Button, Field } from '@/components/ui'
import { callApi } from '@/lib/api-client'
import { type CredentialErrors, focusFirstError, newAccountErrors } from './credential-errors'

const fieldOrder = ['name', 'email', 'password'] as const

export function SignUpForm() {
  const router = useRouter()
  const [error, setError] = useState<string | null>(null)
  const [fieldErrors, setFieldErrors] = useState<CredentialErrors>({})
  const [pending, setPending] = useState(false)

  function showFieldErrors(errors: CredentialErrors) {
    setFieldErrors(errors)
    focusFirstError(errors, fieldOrder)
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const values = {
      name: String(form.get('name') ?? ''),
      email: String(form.get('email') ?? '').trim(),
      password: String(form.get('password') ?? ''),
    }
    setError(null)
    const errors = newAccountErrors(values)
    showFieldErrors(errors)
    if (Object.keys(errors).length > 0) return
    setPending(true)
    const result = await callApi('/api/auth/sign-up/email', { body: values })
    if (!result.ok) {
      setPending(false)
      if (result.code === 'USER_ALREADY_EXISTS' || result.status === 422) {
        setError('An account with this email already exists. Sign in instead.')
      } else if (/email/i.test(result.message) && result.status === 400) {
        // The server's own check disagreed with ours; say it in the same words, on the field.
        showFieldErrors({ email: newAccountErrors({ ...values, email: '' }).email })
      } else {
        setError(result.message)
      }
      return
    }
    router.replace('/customer')
    router.refresh()
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {error && <Alert>{error}</Alert>}
      <Field
        id="name"
        name="name"
        label="Your name"
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
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? 'Creating your account…' : 'Create account'}
      </Button>
    </form>
  )
}
