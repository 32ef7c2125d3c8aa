'use client'

import { LogOut } from 'lucide-react'
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { callApi } from '@/lib/api-client'

export function SignOutButton() {
  const router = useRouter()
  const [pending, setPending] = useState(false)
  return (
    <button
      type="button"
      disabled={pending}
      onClick={async () => {
        setPending(true)
        await callApi('/api/auth/sign-out', { body: {} })
        router.replace('/sign-in')
        router.refresh()
      }}
      className="inline-flex min-h-11 items-center gap-2 rounded-lg px-3 text-sm font-medium text-slate-700 hover:bg-slate-100"
    >
      <LogOut aria-hidden className="size-4" />
      {pending ? 'Signing out…' : 'Sign out'}
    </button>
  )
}
