import { randomUUID } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, rename, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { type FileStorage, isValidStorageKey } from './file-storage'
import { signDownload } from './sign-download'

/**
 * Files under a directory of ours (DATA_DIR/files by default). Downloads go through our own
 * route with an HMAC-signed, expiring URL: the file id, the variant and the expiry are signed.
 */
export function createDiskStorage({ root, secret }: { root: string; secret: string }): FileStorage {
  const pathOf = (key: string) => {
    if (!isValidStorageKey(key)) throw new Error(`invalid storage key ${key}`)
    return path.join(root, ...key.split('/'))
  }
  return {
    kind: 'disk',
    downloadOrigin: null,
    async put(key, source) {
      const target = pathOf(key)
      await mkdir(path.dirname(target), { recursive: true })
      // Written beside its final name and renamed: a reader never sees half an object.
      const partial = `${target}.${randomUUID()}.partial`
      try {
        await pipeline(createReadStream(source.path), createWriteStream(partial, { flags: 'wx' }))
        await rename(partial, target)
      } catch (error) {
        await rm(partial, { force: true })
        throw error
      }
    },
    async read(key) {
      const file = pathOf(key)
      await stat(file)
      return createReadStream(file) as Readable
    },
    async exists(key) {
      try {
        return (await stat(pathOf(key))).isFile()
      } catch {
        return false
      }
    },
    async delete(key) {
      await rm(pathOf(key), { force: true })
    },
    async signedUrl(request) {
      const expires = Math.floor(Date.now() / 1000) + request.expiresInSeconds
      const grant = {
        fileId: request.fileId,
        variant: request.variant,
        disposition: request.disposition,
        expires,
      }
      const query = new URLSearchParams({
        variant: grant.variant,
        disposition: grant.disposition,
        expires: String(expires),
        signature: signDownload(grant, secret),
      })
      return `/api/files/${request.fileId}/content?${query}`
    },
  }
}
