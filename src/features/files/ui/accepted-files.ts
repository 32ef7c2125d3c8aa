import { allowedKindsText } from '../allowed-kinds-text'

/**
 * What the browser checks before sending a file, from its declared type and name. The server
 * decides from the bytes; this only spares people a wait for a file that would be refused.
 */
const acceptedTypes = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
  'image/heif',
  'application/pdf',
  'text/plain',
  'video/mp4',
  'video/quicktime',
  'video/webm',
  'audio/mp4',
  'audio/x-m4a',
  'audio/mpeg',
  'audio/webm',
]

const acceptedExtensions = [
  'jpg',
  'jpeg',
  'png',
  'webp',
  'heic',
  'heif',
  'pdf',
  'txt',
  'log',
  'mp4',
  'mov',
  'webm',
  'm4a',
  'mp3',
]

/** For the file picker's `accept`. */
export const acceptAttribute = [
  ...acceptedTypes,
  ...acceptedExtensions.map((ext) => `.${ext}`),
].join(',')

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`
  const megabytes = bytes / (1024 * 1024)
  return `${megabytes < 10 ? megabytes.toFixed(1) : Math.round(megabytes)} MB`
}

/** Why a file cannot be sent, or null when it may be. */
export function refusalOf(
  file: { name: string; type: string; size: number },
  maxBytes: number,
): string | null {
  if (file.size > maxBytes) {
    return `${file.name} is ${formatBytes(file.size)}; files can be at most ${formatBytes(maxBytes)}.`
  }
  if (file.size === 0) return `${file.name} is empty.`
  const extension = file.name.includes('.') ? (file.name.split('.').at(-1) ?? '').toLowerCase() : ''
  const typeOk = acceptedTypes.includes(file.type.split(';')[0]?.trim().toLowerCase() ?? '')
  if (!typeOk && !acceptedExtensions.includes(extension)) {
    return `${file.name} can't be shared. You can share ${allowedKindsText}.`
  }
  return null
}
