import { readFile } from 'node:fs/promises'
import { simpleParser } from 'mailparser'
import { getSentEmailKey } from './list-outgoing-mail'
import { emlPath, mailer } from './mailer'

export type SentEmail =
  | {
      kind: 'file'
      subject: string
      from: string
      to: string
      date: Date | null
      messageId: string
      /** The plain-text part, as written: the page escapes it like any text. */
      text: string
    }
  /** Sent over SMTP: the copy lives with the mail provider, not here. */
  | { kind: 'smtp' }
  /** The .eml file is gone (the data directory was cleaned) or unreadable. */
  | { kind: 'missing' }

/**
 * The `.eml` file the file mailer wrote for a sent email, parsed. Undefined for an id that is not
 * a sent email, or for one whose body holds a secret link.
 */
export async function readSentEmail(id: number): Promise<SentEmail | undefined> {
  const key = await getSentEmailKey(id)
  if (key === undefined) return undefined
  const current = mailer()
  if (current.kind !== 'files' || !current.dir) return { kind: 'smtp' }
  let raw: Buffer
  try {
    raw = await readFile(emlPath(current.dir, key))
  } catch {
    return { kind: 'missing' }
  }
  const parsed = await simpleParser(raw)
  const addresses = (value: typeof parsed.to) =>
    (Array.isArray(value) ? value : value ? [value] : []).map((entry) => entry.text).join(', ')
  return {
    kind: 'file',
    subject: parsed.subject ?? '',
    from: parsed.from?.text ?? '',
    to: addresses(parsed.to),
    date: parsed.date ?? null,
    messageId: parsed.messageId ?? '',
    text: parsed.text ?? '',
  }
}
