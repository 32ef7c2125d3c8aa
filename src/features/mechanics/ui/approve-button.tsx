'use client'

import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { Button } from '@/components/ui'
import { callApi } from '@/lib/api-client'

export function ApproveMechanicButton({ mechanicId, name }: { mechanicId: string; name: string }) {
  const router = useRouter()
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<string | null>(null)
  return (
    <div className="flex flex-col items-end gap-1">
      <Button
        disabled={pending}
        aria-label={`Approve ${name}`}
        onClick={async () => {
          setPending(true)
          setError(null)
          const result = await callApi(`/api/admin/mechanics/${mechanicId}/approve`)
          setPending(false)
          if (!result.ok) setError(result.message)
          router.refresh()
        }}
      >
        {pending ? 'Approving…' : 'Approve'}
      </Button>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  )
}
