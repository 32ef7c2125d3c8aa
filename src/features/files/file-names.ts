import type { FileDisposition } from './storage/file-storage'

const MAX_NAME_LENGTH = 120

/**
 * A file name safe to show and to put in a header: no path, no control or bidirectional
 * characters, no leading dots, at most 120 characters with the extension kept.
 */
export function sanitizeFileName(raw: string, fallback = 'file'): string {
  const base = raw.split(/[\\/]/).at(-1) ?? ''
  const cleaned = base
    .normalize('NFC')
    // Control characters, and the bidi overrides that make "gpj.exe" read as "exe.jpg".
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .replace(/["<>:|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
  if (cleaned === '') return fallback
  if (cleaned.length <= MAX_NAME_LENGTH) return cleaned
  const dot = cleaned.lastIndexOf('.')
  const extension = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : ''
  return `${cleaned.slice(0, MAX_NAME_LENGTH - extension.length)}${extension}`
}

/** A file name with the extension that matches what the content is. */
export function withExtension(name: string, extension: string): string {
  const dot = name.lastIndexOf('.')
  const stem = dot > 0 ? name.slice(0, dot) : name
  const current = dot > 0 ? name.slice(dot + 1).toLowerCase() : ''
  const same = current === extension || (extension === 'jpg' && current === 'jpeg')
  return same ? name : `${stem}.${extension}`
}

/** RFC 6266: an ASCII fallback plus the exact name in UTF-8. */
export function contentDisposition(disposition: FileDisposition, name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`
}
