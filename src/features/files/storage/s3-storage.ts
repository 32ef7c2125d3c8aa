import { createReadStream } from 'node:fs'
import { Readable } from 'node:stream'
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'
import { contentDisposition } from '../file-names'
import { type FileStorage, isValidStorageKey } from './file-storage'

export type S3StorageOptions = {
  bucket: string
  region: string
  /** MinIO, R2, a test server; unset for AWS. */
  endpoint?: string
  forcePathStyle?: boolean
  credentials?: { accessKeyId: string; secretAccessKey: string }
}

/**
 * Any S3-compatible bucket. Objects are put with their length (streamed from the spooled upload,
 * never buffered), and browsers download with presigned GETs that carry the file's name, type
 * and disposition.
 */
export function createS3Storage(options: S3StorageOptions): FileStorage {
  const client = new S3Client({
    region: options.region,
    endpoint: options.endpoint,
    forcePathStyle: options.forcePathStyle ?? false,
    credentials: options.credentials,
    // Checksums only where S3 demands them: several compatible servers reject the SDK's
    // default streaming checksum trailers.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  })
  const { bucket } = options
  const checked = (key: string) => {
    if (!isValidStorageKey(key)) throw new Error(`invalid storage key ${key}`)
    return key
  }
  return {
    kind: 's3',
    downloadOrigin: downloadOriginOf(options),
    async put(key, source) {
      await client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: checked(key),
          Body: createReadStream(source.path),
          ContentLength: source.size,
          ContentType: source.contentType,
        }),
      )
    },
    async read(key) {
      const result = await client.send(new GetObjectCommand({ Bucket: bucket, Key: checked(key) }))
      if (!(result.Body instanceof Readable)) throw new Error('S3 returned no readable body')
      return result.Body
    },
    async exists(key) {
      try {
        await client.send(new HeadObjectCommand({ Bucket: bucket, Key: checked(key) }))
        return true
      } catch (error) {
        if (isNotFound(error)) return false
        throw error
      }
    },
    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: checked(key) }))
    },
    signedUrl(request) {
      return getSignedUrl(
        client,
        new GetObjectCommand({
          Bucket: bucket,
          Key: checked(request.key),
          ResponseContentType: request.contentType,
          ResponseContentDisposition: contentDisposition(request.disposition, request.fileName),
        }),
        { expiresIn: request.expiresInSeconds },
      )
    },
  }
}

function isNotFound(error: unknown): boolean {
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode
  return status === 404 || (error as { name?: string }).name === 'NotFound'
}

/** Where presigned URLs point, so the page's CSP can allow images and media from there. */
function downloadOriginOf(options: S3StorageOptions): string {
  if (!options.endpoint) return `https://${options.bucket}.s3.${options.region}.amazonaws.com`
  const endpoint = new URL(options.endpoint)
  if (options.forcePathStyle) return endpoint.origin
  return `${endpoint.protocol}//${options.bucket}.${endpoint.host}`
}
