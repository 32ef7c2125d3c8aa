import { stat } from 'node:fs/promises'
import sharp from 'sharp'
import { AppError } from '@/lib/errors'
import type { AllowedType } from './file-kinds'

export type PreparedImage = {
  /** The image re-encoded without metadata (no EXIF, no GPS), turned upright. */
  path: string
  size: number
  width: number
  height: number
  thumbnail: { path: string; size: number }
}

const THUMBNAIL_EDGE = 480

/**
 * Re-encodes a photo without its metadata (a customer's photo must not say where they live) and
 * makes a thumbnail. sharp writes no metadata unless asked to; `rotate()` first applies the EXIF
 * orientation that is about to be dropped.
 */
export async function prepareImage(source: string, type: AllowedType): Promise<PreparedImage> {
  const stripped = `${source}.stripped`
  const thumbnail = `${source}.thumbnail`
  try {
    const image = sharp(source, { failOn: 'error', limitInputPixels: 100_000_000 }).rotate()
    const encoded =
      type.mime === 'image/png'
        ? image.png()
        : type.mime === 'image/webp'
          ? image.webp({ quality: 90 })
          : image.jpeg({ quality: 90, mozjpeg: true })
    const info = await encoded.toFile(stripped)
    await sharp(stripped)
      .resize(THUMBNAIL_EDGE, THUMBNAIL_EDGE, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 80 })
      .toFile(thumbnail)
    return {
      path: stripped,
      size: info.size,
      width: info.width,
      height: info.height,
      thumbnail: { path: thumbnail, size: (await stat(thumbnail)).size },
    }
  } catch {
    throw new AppError(
      'unsupported_media_type',
      type.mime === 'image/heic' || type.mime === 'image/heif'
        ? 'This HEIC photo could not be processed here. Share it as a JPEG instead (on iPhone: Settings → Camera → Formats → Most Compatible).'
        : 'This image could not be read. It may be damaged; try exporting it again.',
    )
  }
}

/** The files `prepareImage` may leave beside the upload. */
export function preparedPaths(source: string): string[] {
  return [`${source}.stripped`, `${source}.thumbnail`]
}
