'use client'

import { Upload } from 'lucide-react'
import { type ReactNode, useRef, useState } from 'react'

/** Files dropped anywhere on its children are shared; a clear overlay shows while dragging. */
export function FileDropZone({
  enabled,
  onFiles,
  children,
}: {
  enabled: boolean
  onFiles: (files: File[]) => void
  children: ReactNode
}) {
  const [over, setOver] = useState(false)
  // dragenter/dragleave fire for every child crossed; count them to know when the drag left.
  const depth = useRef(0)
  const carriesFiles = (event: React.DragEvent) => event.dataTransfer.types.includes('Files')
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: dropping is an extra; the Attach button is the accessible way
    <div
      className="relative flex min-h-0 flex-1 flex-col"
      onDragEnter={(event) => {
        if (!enabled || !carriesFiles(event)) return
        depth.current += 1
        setOver(true)
      }}
      onDragLeave={() => {
        if (!enabled) return
        depth.current = Math.max(0, depth.current - 1)
        if (depth.current === 0) setOver(false)
      }}
      onDragOver={(event) => {
        if (enabled && carriesFiles(event)) event.preventDefault()
      }}
      onDrop={(event) => {
        if (!enabled || !carriesFiles(event)) return
        event.preventDefault()
        depth.current = 0
        setOver(false)
        onFiles([...event.dataTransfer.files])
      }}
    >
      {children}
      {over && (
        <div className="pointer-events-none absolute inset-0 z-10 flex items-center justify-center rounded-xl border-2 border-dashed border-blue-600 bg-blue-50/90 text-lg font-semibold text-blue-800">
          <Upload aria-hidden className="mr-2 size-6" />
          Drop files to share them
        </div>
      )}
    </div>
  )
}
