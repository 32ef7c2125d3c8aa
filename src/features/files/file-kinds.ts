import type { FileKind } from '@/db/schema'

/** What a shared file may be, decided from its first bytes. The browser shows the same list. */
export type AllowedType = { mime: string; extension: string; kind: FileKind }

const allowed: readonly AllowedType[] = [
  { mime: 'image/jpeg', extension: 'jpg', kind: 'image' },
  { mime: 'image/png', extension: 'png', kind: 'image' },
  { mime: 'image/webp', extension: 'webp', kind: 'image' },
  { mime: 'image/heic', extension: 'heic', kind: 'image' },
  { mime: 'image/heif', extension: 'heic', kind: 'image' },
  { mime: 'application/pdf', extension: 'pdf', kind: 'pdf' },
  { mime: 'video/mp4', extension: 'mp4', kind: 'video' },
  { mime: 'video/quicktime', extension: 'mov', kind: 'video' },
  // A WebM's first bytes do not say whether it holds video; a voice note plays in <video> too.
  { mime: 'video/webm', extension: 'webm', kind: 'video' },
  { mime: 'audio/x-m4a', extension: 'm4a', kind: 'audio' },
  { mime: 'audio/mp4', extension: 'm4a', kind: 'audio' },
  { mime: 'audio/mpeg', extension: 'mp3', kind: 'audio' },
  { mime: 'audio/webm', extension: 'webm', kind: 'audio' },
]

export const PLAIN_TEXT: AllowedType = {
  mime: 'text/plain; charset=utf-8',
  extension: 'txt',
  kind: 'text',
}

export const allowedKindsList = [
  'JPEG',
  'PNG',
  'WebP',
  'PDF',
  'plain text',
  'MP4',
  'MOV',
  'WebM',
  'M4A',
  'MP3',
] as const

/** Bytes enough for every signature we accept (`file-type` reads at most this many). */
export const SNIFF_BYTES = 4100

/**
 * The type of a file from its first bytes: a known binary signature, or text (valid UTF-8 with no
 * control characters but tabs and line breaks). Null for anything else, whatever its name says.
 */
export async function sniffFileType(
  head: Uint8Array,
  complete: boolean,
): Promise<AllowedType | null> {
  const { fileTypeFromBuffer } = await import('file-type')
  const detected = await fileTypeFromBuffer(head)
  if (detected) return allowed.find((type) => type.mime === detected.mime) ?? null
  return looksLikeText(head, complete) ? PLAIN_TEXT : null
}

function looksLikeText(head: Uint8Array, complete: boolean): boolean {
  if (head.byteLength === 0) return false
  try {
    // `stream: true` when more follows: a character cut at the end of the sample is not an error.
    const text = new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: !complete })
    return ![...text].some(isControlCharacter)
  } catch {
    return false
  }
}

/** Control characters other than tab, line feed, form feed and carriage return. */
function isControlCharacter(character: string): boolean {
  const code = character.charCodeAt(0)
  return (code < 0x20 && ![0x09, 0x0a, 0x0c, 0x0d].includes(code)) || code === 0x7f
}
