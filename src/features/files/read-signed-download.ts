import { Readable } from 'node:stream'
import { eq } from 'drizzle-orm'
import { sessionFiles } from '@/db/schema'
import { AppError } from '@/lib/errors'
import { isUuid } from '@/lib/ids'
import { getContext } from '@/server/context'
import { contentDisposition } from './file-names'
import type { FileDisposition, FileVariant } from './storage/file-storage'
import { resolveFileUrlSecret } from './storage/file-url-secret'
import { checkDownloadSignature } from './storage/sign-download'

export type SignedDownload = {
  fileId: string
  variant: FileVariant
  disposition: FileDisposition
  expires: number
  signature: string
}

/**
 * Serves a local file to whoever holds a valid signed URL (minted for an authorised user; like a
 * presigned S3 URL, the URL is the permission until it expires). Expired or altered: 403.
 */
export async function readSignedDownload(download: SignedDownload): Promise<Response> {
  const { env, storage, database } = getContext()
  if (storage.kind !== 'disk') throw new AppError('not_found', 'Not found')
  const check = checkDownloadSignature(download, download.signature, resolveFileUrlSecret(env))
  if (check === 'expired') {
    throw new AppError(
      'forbidden',
      'This download link has expired. Open the file again from the session.',
    )
  }
  if (check === 'invalid' || !isUuid(download.fileId)) {
    throw new AppError('forbidden', 'This download link is not valid')
  }
  const [file] = await database.db
    .select()
    .from(sessionFiles)
    .where(eq(sessionFiles.id, download.fileId))
  const key = download.variant === 'thumbnail' ? file?.thumbnailKey : file?.storageKey
  if (!file || !key) throw new AppError('not_found', 'File not found')
  const isThumbnail = download.variant === 'thumbnail'
  const stream = await storage.read(key)
  const maxAge = Math.max(0, download.expires - Math.floor(Date.now() / 1000))
  return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, {
    headers: {
      'Content-Type': isThumbnail ? 'image/webp' : file.contentType,
      'Content-Disposition': contentDisposition(
        download.disposition,
        isThumbnail ? `preview-${file.name}.webp` : file.name,
      ),
      'Cache-Control': `private, max-age=${maxAge}`,
      // A shared file is never run as a page of ours, whatever it holds.
      // (Chrome's PDF viewer does not run in a sandboxed document.)
      'Content-Security-Policy': `default-src 'none'; img-src 'self'; media-src 'self'${file.kind === 'pdf' ? '' : '; sandbox'}`,
      'X-Content-Type-Options': 'nosniff',
    },
  })
}
