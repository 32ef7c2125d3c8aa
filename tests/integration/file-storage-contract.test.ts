import { randomBytes, randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { text } from 'node:stream/consumers'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createDiskStorage } from '@/features/files/storage/disk-storage'
import type { FileStorage } from '@/features/files/storage/file-storage'
import { startTestS3, type TestS3 } from '../support/s3-server'

/** One contract, every implementation: what the upload and download code rely on. */
const scratch = mkdtempSync(path.join(tmpdir(), 'autodoctor-storage-contract-'))
let s3: TestS3
const implementations: Record<'disk' | 's3', () => FileStorage> = {
  disk: () =>
    createDiskStorage({ root: path.join(scratch, 'files'), secret: 'contract-secret-0123456789' }),
  s3: () => s3.storage,
}

beforeAll(async () => {
  s3 = await startTestS3()
})

afterAll(async () => {
  await s3.close()
  rmSync(scratch, { recursive: true, force: true })
})

function sourceFile(bytes: Buffer): { path: string; size: number; contentType: string } {
  const file = path.join(scratch, `${randomUUID()}.source`)
  writeFileSync(file, bytes)
  return { path: file, size: bytes.byteLength, contentType: 'application/pdf' }
}

async function bytesOf(storage: FileStorage, key: string): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of await storage.read(key)) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

describe.each(['disk', 's3'] as const)('%s storage', (kind) => {
  test('an object put from a file reads back byte for byte, and exists until deleted', async () => {
    const storage = implementations[kind]()
    expect(storage.kind).toBe(kind)
    const key = `sessions/${randomUUID()}/${randomUUID()}`
    const bytes = randomBytes(3 * 1024 * 1024 + 17)
    expect(await storage.exists(key)).toBe(false)
    await storage.put(key, sourceFile(bytes))
    expect(await storage.exists(key)).toBe(true)
    expect((await bytesOf(storage, key)).equals(bytes)).toBe(true)
    await storage.delete(key)
    expect(await storage.exists(key)).toBe(false)
    // Clean-up runs again after a crash: deleting what is gone is fine.
    await storage.delete(key)
  })

  test('reading an object that is not there fails', async () => {
    const storage = implementations[kind]()
    await expect(storage.read(`sessions/${randomUUID()}/missing`)).rejects.toThrow()
  })

  test('keys that are not ours (paths, dots, upper case) are refused before any I/O', async () => {
    const storage = implementations[kind]()
    for (const key of ['../etc/passwd', 'sessions/../../x', '/absolute', 'Sessions/A', 'a//b']) {
      await expect(storage.put(key, sourceFile(Buffer.from('x')))).rejects.toThrow(
        /invalid storage key/,
      )
    }
  })

  test('a signed URL carries its expiry and names the file for the browser', async () => {
    const storage = implementations[kind]()
    const key = `sessions/${randomUUID()}/${randomUUID()}`
    await storage.put(key, sourceFile(Buffer.from('%PDF-1.4 contract')))
    const url = await storage.signedUrl({
      key,
      fileId: randomUUID(),
      variant: 'original',
      disposition: 'attachment',
      fileName: 'Wiring diagram – rear.pdf',
      contentType: 'application/pdf',
      expiresInSeconds: 600,
    })
    if (kind === 'disk') {
      expect(url).toMatch(/^\/api\/files\/[0-9a-f-]{36}\/content\?/)
      const params = new URL(url, 'http://x').searchParams
      expect(Number(params.get('expires')) - Date.now() / 1000).toBeGreaterThan(590)
      expect(params.get('signature')).toMatch(/^[\w-]{43}$/)
    } else {
      const response = await fetch(url)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-disposition')).toContain(
        "filename*=UTF-8''Wiring%20diagram%20%E2%80%93%20rear.pdf",
      )
      expect(await text(response.body as unknown as AsyncIterable<Uint8Array>)).toBe(
        '%PDF-1.4 contract',
      )
    }
  })
})
