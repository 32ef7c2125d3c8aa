'use client'

import { CircleAlert } from 'lucide-react'
import Link from 'next/link'
import { Button } from '@/components/ui'

/** A session page that failed to load for a reason other than "not yours" (that is a 404). */
export function SessionLoadError({ reset }: { reset: () => void }) {
  return (
    <main className="mx-auto max-w-md space-y-4 px-4 py-20 text-center">
      <CircleAlert aria-hidden className="mx-auto size-8 text-red-600" />
      <h1 className="text-2xl font-bold">This session could not be loaded</h1>
      <p className="text-slate-600">
        Something went wrong on our side. Your session is safe; try again in a moment.
      </p>
      <div className="flex flex-wrap justify-center gap-2">
        <Button onClick={reset}>Try again</Button>
        <Link
          href="/dashboard"
          className="inline-flex min-h-11 items-center rounded-lg border border-slate-300 bg-white px-4 font-semibold text-slate-800 hover:bg-slate-100"
        >
          Back to your dashboard
        </Link>
      </div>
    </main>
  )
}
