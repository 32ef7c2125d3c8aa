'use client'

import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { type FormEvent, useState } from 'react'
import { Alert, Button, Field } from '@/components/ui'
import { callApi } from '@/lib/api-client'

export function SignInForm({ returnTo }: { returnTo: string | null }) {
  const router = useRouter()
  const [error, setError] = useState<string | null>(null)
  const [pending, setPending] = useState(false)

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    setPending(true)
    setError(null)
    const result = await callApi('/api/auth/sign-in/email', {
      body: { email: form.get('email'), password: form.get('password') },
    })
    if (!result.ok) {
      setPending(false)
      setError(result.status === 401 ? 'That email and password do not match.' : result.message)
      return
    }
    router.replace(returnTo ?? '/dashboard')
    router.refresh()
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {error && <Alert>{error}</Alert>}
      <Field id="email" name="email" type="email" label="Email" autoComplete="email" required />
      <Field
        id="password"
        name="password"
        type="password"
        label="Password"
        autoComplete="current-password"
        required
      />
      <p className="text-sm">
        <Link href="/forgot-password" className="font-semibold text-blue-700 underline">
          Forgot password?
        </Link>
      </p>
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  )
}
