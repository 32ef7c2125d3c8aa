import { mkdir, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import nodemailer from 'nodemailer'
import { env } from '@/lib/env'

export type MailMessage = {
  /** Unique per email: the Message-ID and the file name are made from it, so a retry is one email. */
  key: string
  to: string
  subject: string
  text: string
  html: string
  /** Files sent with the email (e.g. a summary PDF), made by the job that sends it. */
  attachments?: readonly MailAttachment[]
}

export type MailAttachment = { filename: string; contentType: string; content: Uint8Array }

/** Where email goes: an SMTP server when SMTP_URL is set, otherwise `.eml` files on disk. */
export type Mailer = {
  readonly kind: 'smtp' | 'files'
  /** For the file mailer: the directory the `.eml` files are written to. */
  readonly dir?: string
  send(message: MailMessage): Promise<void>
}

export function createSmtpMailer({ url, from }: { url: string; from: string }): Mailer {
  const transport = nodemailer.createTransport(url)
  return {
    kind: 'smtp',
    async send(message) {
      await transport.sendMail(toNodemailer(message, from))
    },
  }
}

/** Renders each email with nodemailer's stream transport and writes it as `<dir>/<key>.eml`. */
export function createFileMailer({ dir, from }: { dir: string; from: string }): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true })
  return {
    kind: 'files',
    dir,
    async send(message) {
      const info = await transport.sendMail(toNodemailer(message, from))
      await mkdir(dir, { recursive: true })
      const file = emlPath(dir, message.key)
      // Written whole or not at all: a reader never sees half an email.
      await writeFile(`${file}.tmp`, info.message as Buffer)
      await rename(`${file}.tmp`, file)
    },
  }
}

function toNodemailer(message: MailMessage, from: string) {
  return {
    from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    messageId: `<${fileNameOf(message.key)}@autodoctor>`,
    attachments: message.attachments?.map((attachment) => ({
      filename: attachment.filename,
      contentType: attachment.contentType,
      content: Buffer.from(attachment.content),
    })),
  }
}

/** Where the file mailer writes the email with this key. */
export function emlPath(dir: string, key: string): string {
  return path.join(dir, `${fileNameOf(key)}.eml`)
}

/** The mail directory of the file mailer, under the data directory. */
export function mailDir(): string {
  return path.join(env().DATA_DIR, 'mail')
}

function fileNameOf(key: string): string {
  return key.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 200)
}

const globalForMail = globalThis as unknown as { __autodoctorMailer?: Mailer }

export function mailer(): Mailer {
  if (!globalForMail.__autodoctorMailer) {
    const serverEnv = env()
    globalForMail.__autodoctorMailer = serverEnv.SMTP_URL
      ? createSmtpMailer({ url: serverEnv.SMTP_URL, from: serverEnv.MAIL_FROM })
      : createFileMailer({ dir: mailDir(), from: serverEnv.MAIL_FROM })
  }
  return globalForMail.__autodoctorMailer
}

/** Tests point mail at their own SMTP server; the default is restored with `undefined`. */
export function setMailer(next: Mailer | undefined): void {
  globalForMail.__autodoctorMailer = next
}
