import { expect, test } from 'vitest'
import { checkDownloadSignature, type DownloadGrant, signDownload } from './sign-download'

const secret = 'a-test-secret-of-enough-length'
const grant: DownloadGrant = {
  fileId: '7d1f7a38-4f8e-4f7e-9d8a-2b1c3d4e5f60',
  variant: 'original',
  disposition: 'attachment',
  expires: 2_000_000_000,
}

test('a signature is valid until its expiry, and only for what it was made for', () => {
  const signature = signDownload(grant, secret)
  expect(checkDownloadSignature(grant, signature, secret, 1_999_999_999_000)).toBe('valid')
  expect(checkDownloadSignature(grant, signature, secret, 2_000_000_001_000)).toBe('expired')
  for (const changed of [
    { ...grant, fileId: '7d1f7a38-4f8e-4f7e-9d8a-2b1c3d4e5f61' },
    { ...grant, variant: 'thumbnail' as const },
    { ...grant, disposition: 'inline' as const },
    { ...grant, expires: grant.expires + 1 },
  ]) {
    expect(checkDownloadSignature(changed, signature, secret, 0)).toBe('invalid')
  }
  expect(checkDownloadSignature(grant, signature, 'another-secret-of-enough-length', 0)).toBe(
    'invalid',
  )
  expect(checkDownloadSignature(grant, `${signature}x`, secret, 0)).toBe('invalid')
})
