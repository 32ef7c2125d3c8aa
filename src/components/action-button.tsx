'use client'

import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { Button } from '@/components/ui'
import { callApi } from '@/lib/api-client'

/**
 * A button that posts to one route, then refreshes the page's server data; the route's refusal is
 * shown under it. For admin actions such as approving a mechanic or acknowledging an alert.
 */
export function ActionButton({
  url,
  label,
  pendingLabel,
  accessibleLabel,
  variant,
  className = 'items-end',
}: {
  url: string
  label: string
  pendingLabel: string
  /** Names the row it acts on, for screen readers ("Approve Sam Okafor"). */
  accessibleLabel: string
  variant?: 'secondary'
  className?: string
}) {
  const router = useRouter()
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<string | null>(null)
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <Button
        variant={variant}
        disabled={pending}
        aria-label={accessibleLabel}
        onClick={async () => {
          setPending(true)
          setError(null)
          const result = await callApi(url)
          setPending(false)
          if (!result.ok) setError(result.message)
          router.refresh()
        }}
      >
        {pending ? pendingLabel : label}
      </Button>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  )
}
