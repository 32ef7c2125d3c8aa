import { eq } from 'drizzle-orm'
import { sessionFiles, sessions } from '@/db/schema'
import type { SessionUser } from '@/features/auth/session-user'
import { roleIn } from '@/features/sessions/get-session-access'
import { AppError } from '@/lib/errors'
import { isUuid } from '@/lib/ids'
import { getContext } from '@/server/context'
import type { FileDisposition, FileVariant } from './storage/file-storage'

/**
 * A signed URL for one of the file's objects, minted now for someone allowed to read it: the two
 * participants and admins, during the session and after it. Anyone else gets the same 404 as for
 * a file that does not exist.
 */
export async function getFileDownloadUrl(
  user: SessionUser,
  {
    fileId,
    variant,
    disposition,
  }: { fileId: string; variant: FileVariant; disposition: FileDisposition },
): Promise<{ url: string; expiresAt: string }> {
  const { database, storage, env } = getContext()
  const [found] = isUuid(fileId)
    ? await database.db
        .select({
          file: sessionFiles,
          customerId: sessions.customerId,
          mechanicId: sessions.mechanicId,
        })
        .from(sessionFiles)
        .innerJoin(sessions, eq(sessions.id, sessionFiles.sessionId))
        .where(eq(sessionFiles.id, fileId))
    : []
  if (!found || !roleIn(found, user)) throw new AppError('not_found', 'File not found')
  const { file } = found
  const key = variant === 'thumbnail' ? file.thumbnailKey : file.storageKey
  if (!key) throw new AppError('not_found', 'This file has no preview')
  const expiresInSeconds = env.FILE_URL_TTL_SECONDS
  const url = await storage.signedUrl({
    key,
    fileId: file.id,
    variant,
    disposition,
    fileName: variant === 'thumbnail' ? `preview-${file.name}.webp` : file.name,
    contentType: variant === 'thumbnail' ? 'image/webp' : file.contentType,
    expiresInSeconds,
  })
  return { url, expiresAt: new Date(Date.now() + expiresInSeconds * 1000).toISOString() }
}
