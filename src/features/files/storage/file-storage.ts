import type { Readable } from 'node:stream'

/** Which stored object of a file a URL points at. */
export type FileVariant = 'original' | 'thumbnail'

/** `attachment` downloads; `inline` shows in the browser (thumbnails, full-size images). */
export type FileDisposition = 'attachment' | 'inline'

export type SignedUrlRequest = {
  key: string
  fileId: string
  variant: FileVariant
  disposition: FileDisposition
  /** Already sanitised; goes into Content-Disposition. */
  fileName: string
  contentType: string
  expiresInSeconds: number
}

/**
 * Where the bytes of shared files live. Objects are written whole from a local file (uploads are
 * spooled to disk first), read as streams, and handed to browsers only through URLs that expire.
 * Each implementation runs the same contract test (`tests/integration/file-storage-contract.test.ts`).
 */
export type FileStorage = {
  readonly kind: 'disk' | 's3'
  /**
   * The origin browsers fetch signed URLs from when it is not the app's own (the page's CSP must
   * allow it for images and media); null when downloads go through our own route.
   */
  readonly downloadOrigin: string | null
  /** Writes the object from a local file; the object appears whole or not at all. */
  put(key: string, source: { path: string; size: number; contentType: string }): Promise<void>
  read(key: string): Promise<Readable>
  exists(key: string): Promise<boolean>
  /** Deleting an object that is not there is not an error (clean-up runs more than once). */
  delete(key: string): Promise<void>
  signedUrl(request: SignedUrlRequest): Promise<string>
}

/** Keys are made by us (`sessions/<uuid>/<uuid>`), never from a user's file name. */
export function isValidStorageKey(key: string): boolean {
  return /^[a-z0-9-]+(\/[a-z0-9-]+)*$/.test(key)
}
