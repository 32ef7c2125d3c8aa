'use client'

import { CircleAlert, X } from 'lucide-react'
import { formatBytes } from './accepted-files'
import type { Upload } from './use-room-files'

/** This tab's uploads: a progress bar with Cancel each, or why a file was not shared. */
export function UploadList({
  uploads,
  onCancel,
  onDismiss,
}: {
  uploads: readonly Upload[]
  onCancel: (id: string) => void
  onDismiss: (id: string) => void
}) {
  if (uploads.length === 0) return null
  return (
    <ul aria-label="Uploads" className="space-y-2 border-t border-slate-200 bg-slate-50 px-3 py-2">
      {uploads.map((upload) =>
        upload.failed ? (
          <li key={upload.id}>
            <div
              role="alert"
              data-testid="upload-error"
              className="flex items-start gap-2 rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
            >
              <CircleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
              <span className="min-w-0 flex-1 [overflow-wrap:anywhere]">{upload.failed}</span>
              <button
                type="button"
                onClick={() => onDismiss(upload.id)}
                aria-label={`Dismiss the message about ${upload.name}`}
                className="inline-flex min-h-9 min-w-9 items-center justify-center rounded hover:bg-red-100"
              >
                <X aria-hidden className="size-4" />
              </button>
            </div>
          </li>
        ) : (
          <li
            key={upload.id}
            data-testid="upload-progress"
            className="flex items-center gap-3 text-sm"
          >
            <div className="min-w-0 flex-1">
              <p className="flex justify-between gap-2 text-slate-800">
                <span className="truncate">{upload.name}</span>
                <span className="shrink-0 tabular-nums text-slate-600">
                  {formatBytes(upload.loaded)} / {formatBytes(upload.size)}
                </span>
              </p>
              <progress
                className="mt-1 h-2 w-full accent-blue-600"
                max={upload.size}
                value={upload.loaded}
                aria-label={`Uploading ${upload.name}`}
              />
            </div>
            <button
              type="button"
              onClick={() => onCancel(upload.id)}
              className="min-h-9 rounded px-2 font-semibold text-slate-700 underline hover:bg-slate-200"
            >
              Cancel
              <span className="sr-only"> uploading {upload.name}</span>
            </button>
          </li>
        ),
      )}
    </ul>
  )
}
