'use client'

import { useCallback, useEffect, useRef, useState } from 'react'
import { emitWithAck } from '@/features/realtime/client/socket'
import { useSocketEvent } from '@/features/realtime/client/use-socket-event'
import type { SharedFile } from '@/features/realtime/contract'
import { useRoomConnection } from '@/features/sessions/ui/room/room-connection'
import { refusalOf } from './accepted-files'
import { uploadFile } from './upload-file'

export type Upload = {
  id: string
  name: string
  size: number
  loaded: number
  /** Set when the file was refused or the upload failed; the entry stays until dismissed. */
  failed?: string
}

export type RoomFiles = {
  files: SharedFile[]
  uploads: Upload[]
  upload: (files: readonly File[]) => void
  cancel: (id: string) => void
  dismiss: (id: string) => void
}

/** Until the server has said otherwise (the limit comes with the list on joining). */
const DEFAULT_MAX_BYTES = 10 * 1024 * 1024

/**
 * The room's files: the full list on every join (so a reconnect misses none), each new one as it
 * is added, and this tab's uploads with their progress, cancel and errors.
 */
export function useRoomFiles(): RoomFiles {
  const { sessionId, onJoined } = useRoomConnection()
  const [files, setFiles] = useState<SharedFile[]>([])
  const [uploads, setUploads] = useState<Upload[]>([])
  const maxBytes = useRef(DEFAULT_MAX_BYTES)
  const aborts = useRef(new Map<string, () => void>())

  const merge = useCallback((incoming: readonly SharedFile[]) => {
    if (incoming.length === 0) return
    setFiles((current) => {
      const byId = new Map(current.map((file) => [file.id, file]))
      for (const file of incoming) byId.set(file.id, file)
      return [...byId.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    })
  }, [])

  useEffect(
    () =>
      onJoined(() => {
        void emitWithAck('files:list', { sessionId }).then((response) => {
          if (!response.ok) return
          maxBytes.current = response.data.maxBytes
          merge(response.data.files)
        })
      }),
    [onJoined, sessionId, merge],
  )

  useSocketEvent('file:added', (file) => {
    if (file.sessionId === sessionId) merge([file])
  })

  useEffect(() => {
    const pending = aborts.current
    return () => {
      for (const abort of pending.values()) abort()
    }
  }, [])

  const update = useCallback((id: string, change: Partial<Upload> | null) => {
    setUploads((current) =>
      change === null
        ? current.filter((upload) => upload.id !== id)
        : current.map((upload) => (upload.id === id ? { ...upload, ...change } : upload)),
    )
  }, [])

  const upload = useCallback(
    (selected: readonly File[]) => {
      for (const file of selected) {
        const id = crypto.randomUUID()
        const refusal = refusalOf(file, maxBytes.current)
        setUploads((current) => [
          ...current,
          {
            id,
            name: file.name,
            size: file.size,
            loaded: 0,
            ...(refusal ? { failed: refusal } : {}),
          },
        ])
        if (refusal) continue
        const started = uploadFile(`/api/sessions/${sessionId}/files`, file, (loaded) =>
          update(id, { loaded }),
        )
        aborts.current.set(id, started.abort)
        void started.done.then((outcome) => {
          aborts.current.delete(id)
          if (outcome.ok) {
            merge([outcome.file])
            update(id, null)
          } else if (outcome.aborted) {
            update(id, null)
          } else {
            update(id, { failed: `${file.name}: ${outcome.message}` })
          }
        })
      }
    },
    [sessionId, merge, update],
  )

  const cancel = useCallback((id: string) => aborts.current.get(id)?.(), [])
  const dismiss = useCallback((id: string) => update(id, null), [update])

  return { files, uploads, upload, cancel, dismiss }
}
