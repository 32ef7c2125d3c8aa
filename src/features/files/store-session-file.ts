import { createHash, randomUUID } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { rm } from 'node:fs/promises'
import path from 'node:path'
import { sessionFiles } from '@/db/schema'
import type { SessionUser } from '@/features/auth/session-user'
import { logEvent } from '@/features/events/log-event'
import type { SharedFile } from '@/features/realtime/contract'
import { publishToSession } from '@/features/realtime/publish'
import { getSessionAccessOrThrow } from '@/features/sessions/get-session-access'
import { AppError } from '@/lib/errors'
import { logger } from '@/lib/logger'
import { getContext } from '@/server/context'
import { sanitizeFileName, withExtension } from './file-names'
import { preparedPaths, prepareImage } from './prepare-image'
import { maxUploadBytes, receiveUpload, tooLarge } from './receive-upload'
import { sharedFileView } from './shared-file-view'
import { enqueueOrphanSweep } from './sweep-orphan-objects-job'

export type UploadInput = {
  sessionId: string
  /** The name the browser gave; sanitised before it is kept. */
  fileName: string
  /** The Content-Length the client declared, if any: more than the limit is refused unread. */
  declaredSize: number | null
  body: ReadableStream<Uint8Array> | null
}

/** An upload request: the file's bytes are the body (no multipart), its name is in `?name=`. */
export function uploadInputOf(req: Request, sessionId: string): UploadInput {
  const declared = req.headers.get('content-length')
  return {
    sessionId,
    fileName: new URL(req.url).searchParams.get('name') ?? '',
    declaredSize: declared === null ? null : Number(declared),
    body: req.body,
  }
}

/** Files can be shared while the room is open: live, or paused for a reconnect. */
const OPEN_FOR_FILES = new Set(['live', 'reconnecting'])

/**
 * Takes a participant's upload into the session: streamed to a spool file within the size limit,
 * its kind decided from its bytes, photos stripped of metadata with a thumbnail, then stored.
 * The object is written before its row and deleted again if the row cannot be inserted; a crash
 * in between is cleaned up by the sweep queued before the first write. Both participants (and any
 * admin watching) get `file:added` after the commit.
 */
export async function storeSessionFile(user: SessionUser, input: UploadInput): Promise<SharedFile> {
  const { session, role } = await getSessionAccessOrThrow(input.sessionId, user)
  if (role === 'admin') throw new AppError('forbidden', 'Admins watch sessions read-only')
  if (!OPEN_FOR_FILES.has(session.status)) {
    throw new AppError('conflict', 'Files can be shared only while the session is running', {
      status: session.status,
    })
  }
  return storeFile(user, input, { onlyImages: false })
}

/**
 * Stores an upload in a session whose access the caller has checked. `onlyImages` refuses any
 * other kind (415) once the bytes show what it is.
 */
export async function storeFile(
  user: SessionUser,
  input: UploadInput,
  { onlyImages }: { onlyImages: boolean },
): Promise<SharedFile> {
  const { env, storage, database } = getContext()
  const { sessionId } = input
  const maxBytes = maxUploadBytes(env)
  if (input.declaredSize !== null && input.declaredSize > maxBytes) throw tooLarge(maxBytes)
  if (!input.body) throw new AppError('bad_request', 'The file is empty')

  const upload = await receiveUpload(input.body, {
    maxBytes,
    spoolDir: path.join(env.DATA_DIR, 'uploads'),
  })
  const cleanUp = async () => {
    await upload.discard()
    await Promise.all(preparedPaths(upload.path).map((file) => rm(file, { force: true })))
  }
  try {
    if (onlyImages && upload.type.kind !== 'image') {
      throw new AppError(
        'unsupported_media_type',
        'Only photos can be added here (JPEG, PNG, WebP or HEIC)',
      )
    }
    const image = upload.type.kind === 'image' ? await prepareImage(upload.path, upload.type) : null
    // A HEIC photo is re-encoded as JPEG; its name follows what it now is.
    const contentType =
      image && (upload.type.mime === 'image/heic' || upload.type.mime === 'image/heif')
        ? 'image/jpeg'
        : upload.type.mime
    const extension = contentType === 'image/jpeg' ? 'jpg' : upload.type.extension
    const name = withExtension(sanitizeFileName(input.fileName), extension)

    const id = randomUUID()
    const storageKey = `sessions/${sessionId}/${id}`
    const thumbnailKey = image ? `${storageKey}-thumbnail` : null
    const keys = thumbnailKey ? [storageKey, thumbnailKey] : [storageKey]
    await enqueueOrphanSweep(keys, env.FILE_ORPHAN_GRACE_SECONDS)

    const stored = image ?? { path: upload.path, size: upload.size }
    try {
      await storage.put(storageKey, { path: stored.path, size: stored.size, contentType })
      if (image && thumbnailKey) {
        await storage.put(thumbnailKey, {
          path: image.thumbnail.path,
          size: image.thumbnail.size,
          contentType: 'image/webp',
        })
      }
      const row = await database.db.transaction(async (tx) => {
        const [inserted] = await tx
          .insert(sessionFiles)
          .values({
            id,
            sessionId,
            uploaderId: user.id,
            name,
            kind: upload.type.kind,
            contentType,
            sizeBytes: stored.size,
            sha256: image ? await sha256Of(stored.path) : upload.sha256,
            storageKey,
            thumbnailKey,
            width: image?.width ?? null,
            height: image?.height ?? null,
          })
          .returning()
        if (!inserted) throw new Error('file insert returned nothing')
        await logEvent(tx, {
          type: 'file.added',
          actorId: user.id,
          subjectId: sessionId,
          data: { fileId: id, kind: upload.type.kind, sizeBytes: stored.size },
        })
        return inserted
      })
      const file = sharedFileView(row, user.name)
      publishToSession(sessionId, 'file:added', file)
      return file
    } catch (error) {
      // No row points at these objects: remove them now rather than wait for the sweep.
      await Promise.all(
        keys.map((key) =>
          storage.delete(key).catch((cause: unknown) => {
            logger().warn({ err: cause, key }, 'could not delete the objects of a failed upload')
          }),
        ),
      )
      throw error
    }
  } finally {
    await cleanUp()
  }
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}
