'use client'

import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { Button } from '@/components/ui'
import { callApi } from '@/lib/api-client'

export function AcknowledgeAlertButton({ alertId, label }: { alertId: number; label: string }) {
  const router = useRouter()
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<string | null>(null)
  return (
    <div className="flex flex-col items-start gap-1 sm:items-end">
      <Button
        variant="secondary"
        disabled={pending}
        aria-label={`Acknowledge: ${label}`}
        onClick={async () => {
          setPending(true)
          setError(null)
          const result = await callApi(`/api/admin/alerts/${alertId}/acknowledge`)
          setPending(false)
          if (!result.ok) setError(result.message)
          router.refresh()
        }}
      >
        {pending ? 'Acknowledging…' : 'Acknowledge'}
      </Button>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  )
}
