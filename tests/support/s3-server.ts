import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import S3rver from 's3rver'
import type { FileStorage } from '@/features/files/storage/file-storage'
import { createS3Storage } from '@/features/files/storage/s3-storage'

export type TestS3 = {
  endpoint: string
  bucket: string
  storage: FileStorage
  close: () => Promise<void>
}

/** A real S3-protocol server in this process (s3rver), on a free port, with one empty bucket. */
export async function startTestS3(): Promise<TestS3> {
  const directory = mkdtempSync(path.join(tmpdir(), 'autodoctor-s3-'))
  const bucket = 'autodoctor-test'
  const server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  })
  const { port } = await server.run()
  const endpoint = `http://127.0.0.1:${port}`
  const storage = createS3Storage({
    bucket,
    region: 'us-east-1',
    endpoint,
    forcePathStyle: true,
    // s3rver's fixed test credentials.
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  })
  return {
    endpoint,
    bucket,
    storage,
    close: async () => {
      await server.close()
      rmSync(directory, { recursive: true, force: true })
    },
  }
}
