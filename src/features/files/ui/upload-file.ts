import type { SharedFile } from '@/features/realtime/contract'

export type UploadOutcome =
  | { ok: true; file: SharedFile }
  | { ok: false; aborted: boolean; message: string }

/**
 * Sends one file's bytes as the request body (no multipart) to `endpoint` (the room's files, or a
 * summary's photos), reporting progress as it goes. XHR, because fetch cannot report upload
 * progress.
 */
export function uploadFile(
  endpoint: string,
  file: File,
  onProgress: (loaded: number) => void,
): { done: Promise<UploadOutcome>; abort: () => void } {
  const request = new XMLHttpRequest()
  const done = new Promise<UploadOutcome>((resolve) => {
    request.upload.addEventListener('progress', (event) => onProgress(event.loaded))
    request.addEventListener('load', () => {
      const body = parse(request.responseText)
      if (request.status === 201 && body?.file) return resolve({ ok: true, file: body.file })
      resolve({
        ok: false,
        aborted: false,
        message: body?.error?.message ?? `The upload failed (${request.status}). Try again.`,
      })
    })
    request.addEventListener('error', () =>
      resolve({
        ok: false,
        aborted: false,
        message: 'The upload was interrupted. Check your connection and try again.',
      }),
    )
    request.addEventListener('abort', () =>
      resolve({ ok: false, aborted: true, message: 'Cancelled' }),
    )
  })
  request.open('POST', `${endpoint}?name=${encodeURIComponent(file.name)}`)
  request.setRequestHeader('content-type', 'application/octet-stream')
  request.send(file)
  return { done, abort: () => request.abort() }
}

type UploadResponse = { file?: SharedFile; error?: { message?: string } }

function parse(text: string): UploadResponse | null {
  try {
    return JSON.parse(text) as UploadResponse
  } catch {
    return null
  }
}
