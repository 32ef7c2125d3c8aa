import { createHmac, timingSafeEqual } from 'node:crypto'
import type { FileDisposition, FileVariant } from './file-storage'

export type DownloadGrant = {
  fileId: string
  variant: FileVariant
  disposition: FileDisposition
  /** Unix seconds. */
  expires: number
}

/** Everything the URL grants is signed: which file, which object of it, how, and until when. */
function signatureOf(grant: DownloadGrant, secret: string): string {
  return createHmac('sha256', secret)
    .update(
      `file-download\n${grant.fileId}\n${grant.variant}\n${grant.disposition}\n${grant.expires}`,
    )
    .digest('base64url')
}

export function signDownload(grant: DownloadGrant, secret: string): string {
  return signatureOf(grant, secret)
}

export type DownloadCheck = 'valid' | 'expired' | 'invalid'

/** Constant-time comparison; an expired URL is told apart only once its signature is right. */
export function checkDownloadSignature(
  grant: DownloadGrant,
  signature: string,
  secret: string,
  nowMs = Date.now(),
): DownloadCheck {
  const expected = Buffer.from(signatureOf(grant, secret))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid'
  return grant.expires * 1000 < nowMs ? 'expired' : 'valid'
}
