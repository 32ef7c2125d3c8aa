'use client'

import { type FormEvent, useState } from 'react'
import { Alert, Button, Field } from '@/components/ui'
import { callApi } from '@/lib/api-client'

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/**
 * Asks for a reset link. The answer is the same whether or not an account uses the address, so
 * the form cannot be used to find out who has an account.
 */
export function ForgotPasswordForm() {
  const [error, setError] = useState<string | null>(null)
  const [sentTo, setSentTo] = useState<string | null>(null)
  const [pending, setPending] = useState(false)

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const email = String(new FormData(event.currentTarget).get('email') ?? '').trim()
    if (!email) return setError('Enter the email address you signed up with.')
    if (!EMAIL_PATTERN.test(email))
      return setError('Enter a valid email address, like name@example.com.')
    setPending(true)
    setError(null)
    const result = await callApi('/api/auth/request-password-reset', {
      body: { email, redirectTo: '/reset-password' },
    })
    setPending(false)
    if (!result.ok) return setError(result.message)
    setSentTo(email)
  }

  if (sentTo) {
    return (
      <Alert tone="success">
        If an account uses {sentTo}, we have sent it a link to choose a new password. The link works
        once and expires in 60 minutes.
      </Alert>
    )
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {error && <Alert>{error}</Alert>}
      <p className="text-sm text-slate-600">
        Enter the email address you signed up with and we will send you a link to choose a new
        password.
      </p>
      <Field id="email" name="email" type="email" label="Email" autoComplete="email" required />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? 'Sending…' : 'Send reset link'}
      </Button>
    </form>
  )
}
