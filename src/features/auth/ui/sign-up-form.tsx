'use client'

import { useRouter } from 'next/navigation'
import { type FormEvent, useState } from 'react'
import { Alert, Button, Field } from '@/components/ui'
import { callApi } from '@/lib/api-client'

export function SignUpForm() {
  const router = useRouter()
  const [error, setError] = useState<string | null>(null)
  const [pending, setPending] = useState(false)

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const password = String(form.get('password') ?? '')
    if (password.length < 8) {
      setError('Use a password of at least 8 characters.')
      return
    }
    setPending(true)
    setError(null)
    const result = await callApi('/api/auth/sign-up/email', {
      body: { name: form.get('name'), email: form.get('email'), password },
    })
    if (!result.ok) {
      setPending(false)
      setError(
        result.code === 'USER_ALREADY_EXISTS' || result.status === 422
          ? 'An account with this email already exists. Sign in instead.'
          : result.message,
      )
      return
    }
    router.replace('/customer')
    router.refresh()
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {error && <Alert>{error}</Alert>}
      <Field id="name" name="name" label="Your name" autoComplete="name" required maxLength={100} />
      <Field id="email" name="email" type="email" label="Email" autoComplete="email" required />
      <Field
        id="password"
        name="password"
        type="password"
        label="Password"
        hint="At least 8 characters."
        autoComplete="new-password"
        required
        minLength={8}
      />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? 'Creating your account…' : 'Create account'}
      </Button>
    </form>
  )
}
