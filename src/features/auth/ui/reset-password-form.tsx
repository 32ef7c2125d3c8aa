'use client'

import Link from 'next/link'
import { type FormEvent, useState } from 'react'
import { Alert, Button, Field } from '@/components/ui'
import { callApi } from '@/lib/api-client'

const MIN_LENGTH = 8
const MAX_LENGTH = 128

/** Sets a new password with the token from the emailed link; the token works once. */
export function ResetPasswordForm({ token }: { token: string }) {
  const [error, setError] = useState<string | null>(null)
  const [linkDead, setLinkDead] = useState(false)
  const [done, setDone] = useState(false)
  const [pending, setPending] = useState(false)

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const password = String(form.get('password') ?? '')
    const confirm = String(form.get('confirm') ?? '')
    if (password.length < MIN_LENGTH) {
      return setError(`Choose a password of at least ${MIN_LENGTH} characters.`)
    }
    if (password.length > MAX_LENGTH) {
      return setError(`Choose a password of at most ${MAX_LENGTH} characters.`)
    }
    if (password !== confirm) return setError('The two passwords do not match.')
    setPending(true)
    setError(null)
    const result = await callApi('/api/auth/reset-password', {
      body: { newPassword: password, token },
    })
    setPending(false)
    if (result.ok) return setDone(true)
    if (result.code === 'INVALID_TOKEN') return setLinkDead(true)
    setError(result.message)
  }

  if (done) {
    return (
      <Alert tone="success">
        Your password was changed and you were signed out everywhere.{' '}
        <Link href="/sign-in" className="font-semibold underline">
          Sign in with your new password
        </Link>
      </Alert>
    )
  }
  if (linkDead) return <ResetLinkInvalid />

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {error && <Alert>{error}</Alert>}
      <Field
        id="password"
        name="password"
        type="password"
        label="New password"
        hint={`At least ${MIN_LENGTH} characters.`}
        autoComplete="new-password"
        required
      />
      <Field
        id="confirm"
        name="confirm"
        type="password"
        label="Repeat the new password"
        autoComplete="new-password"
        required
      />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? 'Saving…' : 'Save new password'}
      </Button>
    </form>
  )
}

export function ResetLinkInvalid() {
  return (
    <div className="space-y-4">
      <Alert>This reset link has expired or was already used.</Alert>
      <Link href="/forgot-password" className="font-semibold text-blue-700 underline">
        Ask for a new link
      </Link>
    </div>
  )
}
