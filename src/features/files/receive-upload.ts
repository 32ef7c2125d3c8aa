import { createHash, randomUUID } from 'node:crypto'
import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import path from 'node:path'
import type { ServerEnv } from '@/lib/env'
import { AppError } from '@/lib/errors'
import { allowedKindsText } from './allowed-kinds-text'
import { type AllowedType, allowedKindsList, SNIFF_BYTES, sniffFileType } from './file-kinds'

export type ReceivedUpload = {
  /** The spooled bytes; the caller removes it (`discard`). */
  path: string
  size: number
  sha256: string
  type: AllowedType
  discard: () => Promise<void>
}

export function maxUploadBytes(env: Pick<ServerEnv, 'FILE_MAX_MB'>): number {
  return Math.floor(env.FILE_MAX_MB * 1024 * 1024)
}

export function tooLarge(maxBytes: number): AppError {
  return new AppError('payload_too_large', `Files can be at most ${formatMegabytes(maxBytes)}`, {
    maxBytes,
  })
}

export function refusedKind(): AppError {
  return new AppError(
    'unsupported_media_type',
    `This kind of file can't be shared. You can share ${allowedKindsText}.`,
    { allowed: allowedKindsList },
  )
}

/**
 * Streams an upload to a temporary file, chunk by chunk, so memory stays flat whatever its size.
 * Reading stops at the first byte past `maxBytes` (413), and as soon as the first bytes show a
 * kind we refuse (415): a refused file is not read to its end.
 */
export async function receiveUpload(
  body: ReadableStream<Uint8Array>,
  { maxBytes, spoolDir }: { maxBytes: number; spoolDir: string },
): Promise<ReceivedUpload> {
  await mkdir(spoolDir, { recursive: true })
  const file = path.join(spoolDir, `${randomUUID()}.upload`)
  const discard = () => rm(file, { force: true })
  const out = createWriteStream(file, { flags: 'wx' })
  // The file is opened asynchronously: removing it before it exists would leave it behind.
  await once(out, 'open')
  const hash = createHash('sha256')
  const reader = body.getReader()
  const head: Uint8Array[] = []
  let headBytes = 0
  let size = 0
  let type: AllowedType | null = null
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.byteLength
      if (size > maxBytes) throw tooLarge(maxBytes)
      if (type === null && headBytes < SNIFF_BYTES) {
        head.push(value)
        headBytes += value.byteLength
        if (headBytes >= SNIFF_BYTES) {
          type = await sniffFileType(Buffer.concat(head).subarray(0, SNIFF_BYTES), false)
          if (!type) throw refusedKind()
        }
      }
      hash.update(value)
      if (!out.write(value)) await once(out, 'drain')
    }
    if (size === 0) throw new AppError('bad_request', 'The file is empty')
    type ??= await sniffFileType(Buffer.concat(head), true)
    if (!type) throw refusedKind()
    out.end()
    await once(out, 'close')
    return { path: file, size, sha256: hash.digest('hex'), type, discard }
  } catch (error) {
    await reader.cancel().catch(() => {})
    const closed = once(out, 'close').catch(() => {})
    out.destroy()
    await closed
    await discard()
    throw error
  }
}

export function formatMegabytes(bytes: number): string {
  const megabytes = bytes / (1024 * 1024)
  return `${Number.isInteger(megabytes) ? megabytes : megabytes.toFixed(1)} MB`
}
