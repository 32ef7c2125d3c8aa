import path from 'node:path'
import type { ServerEnv } from '@/lib/env'
import { createDiskStorage } from './disk-storage'
import type { FileStorage } from './file-storage'
import { resolveFileUrlSecret } from './file-url-secret'
import { createS3Storage } from './s3-storage'

/** The storage the env asks for: local disk by default, an S3-compatible bucket when configured. */
export function createFileStorage(env: ServerEnv): FileStorage {
  if (env.FILE_STORAGE === 's3' && env.S3_BUCKET) {
    return createS3Storage({
      bucket: env.S3_BUCKET,
      region: env.S3_REGION,
      endpoint: env.S3_ENDPOINT,
      forcePathStyle: env.S3_FORCE_PATH_STYLE === 'true',
      credentials:
        env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
          ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY }
          : undefined,
    })
  }
  return createDiskStorage({
    root: path.join(env.DATA_DIR, 'files'),
    secret: resolveFileUrlSecret(env),
  })
}
