import { z } from 'zod'

// Tab, line feed and carriage return are the only control characters people type.
const ALLOWED_CONTROLS = new Set([0x09, 0x0a, 0x0d])
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

/**
 * False for control characters (other than tab and line breaks) and for UTF-16 surrogates that
 * are not part of a pair: PostgreSQL refuses NUL in text and lone surrogates in jsonb, and
 * nobody types either.
 */
export function isStorableText(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i)
    if ((code < 0x20 && !ALLOWED_CONTROLS.has(code)) || code === 0x7f) return false
  }
  return !LONE_SURROGATE.test(value)
}

const UNSTORABLE_MESSAGE = 'Remove control characters and broken emoji'

/** A string from a client that we store as sent (e.g. a client id), refused if unstorable. */
export function storableText() {
  return z.string().refine(isStorableText, UNSTORABLE_MESSAGE)
}

/** Free text a person typed (names, descriptions, messages): trimmed, then checked. */
export function userText() {
  return z.string().trim().refine(isStorableText, UNSTORABLE_MESSAGE)
}
