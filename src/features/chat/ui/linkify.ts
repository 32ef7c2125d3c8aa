/** A piece of a chat message: plain text, or a web address to show as a link. */
export type TextPart = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string }

// Only web addresses written out with http:// or https://; anything else (javascript:, data:,
// bare domains) stays text.
const WEB_ADDRESS = /\bhttps?:\/\/[^\s<>"]+/gi
// Sentence punctuation right after an address belongs to the sentence.
const TRAILING = /[.,;:!?)\]}'"]+$/

/** Splits a message into text and safe http(s) links, in order; the text is never changed. */
export function linkify(body: string): TextPart[] {
  const parts: TextPart[] = []
  let last = 0
  for (const match of body.matchAll(WEB_ADDRESS)) {
    const start = match.index
    const candidate = match[0].replace(TRAILING, '')
    const href = safeHref(candidate)
    if (!href) continue
    if (start > last) parts.push({ kind: 'text', text: body.slice(last, start) })
    parts.push({ kind: 'link', text: candidate, href })
    last = start + candidate.length
  }
  if (last < body.length) parts.push({ kind: 'text', text: body.slice(last) })
  return parts
}

function safeHref(candidate: string): string | null {
  try {
    const url = new URL(candidate)
    return url.protocol === 'http:' || url.protocol === 'https:' ? candidate : null
  } catch {
    return null
  }
}
