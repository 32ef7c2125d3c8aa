'use client'

import { Camera } from 'lucide-react'
import { useRef, useState } from 'react'
import { Alert, Button } from '@/components/ui'
import { uploadFile } from '@/features/files/ui/upload-file'
import type { SharedFile } from '@/features/realtime/contract'

/** "Add a photo": one picture from the camera or the gallery, with progress and a plain error. */
export function AddSummaryPhoto({
  sessionId,
  onAdded,
}: {
  sessionId: string
  onAdded: (photo: SharedFile) => void
}) {
  const input = useRef<HTMLInputElement>(null)
  const [percent, setPercent] = useState<number | null>(null)
  const [error, setError] = useState<string | null>(null)

  const upload = async (file: File) => {
    setError(null)
    setPercent(0)
    const { done } = uploadFile(`/api/sessions/${sessionId}/summary/photos`, file, (loaded) =>
      setPercent(Math.min(99, Math.round((loaded / Math.max(file.size, 1)) * 100))),
    )
    const outcome = await done
    setPercent(null)
    if (outcome.ok) onAdded(outcome.file)
    else setError(outcome.message)
  }

  return (
    <div className="space-y-2">
      <Button
        variant="secondary"
        disabled={percent !== null}
        onClick={() => input.current?.click()}
      >
        <Camera aria-hidden className="size-4" />
        {percent === null ? 'Add a photo' : `Uploading… ${percent}%`}
      </Button>
      <input
        ref={input}
        type="file"
        accept="image/jpeg,image/png,image/webp,image/heic,image/heif"
        className="sr-only"
        tabIndex={-1}
        aria-hidden
        data-testid="summary-photo-input"
        onChange={(event) => {
          const file = event.target.files?.[0]
          event.target.value = ''
          if (file) void upload(file)
        }}
      />
      {error && <Alert>{error}</Alert>}
    </div>
  )
}
