import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createFileMailer, createSmtpMailer, setMailer } from '@/features/mail/mailer'
import { enqueueEmail } from '@/features/mail/send-email-job'
import { runJobs } from '../support/sessions'
import { type CapturedMail, type SmtpCapture, startSmtpCapture } from '../support/smtp-capture'
import { startTestApp, type TestApp } from '../support/test-app'

let app: TestApp
let smtp: SmtpCapture
let smtpUrl: string
const received: CapturedMail[] = []
const FROM = 'AutoDoctor <no-reply@test.autodoctor.dev>'

beforeAll(async () => {
  app = await startTestApp()
  smtp = await startSmtpCapture(received)
  smtpUrl = smtp.url
})

afterAll(async () => {
  setMailer(undefined)
  await smtp.close()
  await app.close()
})

async function queueEmailTo(userId: string, key: string, userText: string) {
  await app.database.db.transaction((tx) =>
    enqueueEmail(tx, {
      key,
      userId,
      subject: 'Your session',
      content: {
        greeting: 'Hello,',
        paragraphs: [userText],
        link: { label: 'Open', url: 'http://localhost:3000/chat/x' },
      },
    }),
  )
}

/** Mail bodies travel quoted-printable: long lines are wrapped and `=` is written `=3D`. */
function decodeQuotedPrintable(raw: string): string {
  return Buffer.from(
    raw
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_, hex: string) =>
        String.fromCharCode(Number.parseInt(hex, 16)),
      ),
    'latin1',
  ).toString('utf8')
}

describe('email through the outbox', () => {
  test('an email job is delivered to the SMTP server once, with text and escaped HTML parts', async () => {
    setMailer(createSmtpMailer({ url: smtpUrl, from: FROM }))
    const user = await app.createUser()
    const key = `test.mail:${crypto.randomUUID()}`
    await queueEmailTo(user.id, key, 'Concern: <b>brakes</b> & "noise"')
    await queueEmailTo(user.id, key, 'the same key again')

    await runJobs()

    const mine = received.filter((mail) => mail.to.includes(user.email))
    expect(mine).toHaveLength(1)
    const raw = decodeQuotedPrintable(mine[0]?.raw ?? '')
    expect(mine[0]?.from).toBe('no-reply@test.autodoctor.dev')
    expect(raw).toMatch(/Content-Type: text\/plain/i)
    expect(raw).toMatch(/Content-Type: text\/html/i)
    expect(raw).toContain('Concern: <b>brakes</b> & "noise"')
    expect(raw).toContain('&lt;b&gt;brakes&lt;/b&gt; &amp; &quot;noise&quot;')
    expect(raw).toContain(`Message-ID: <${key.replace(':', '_')}@autodoctor>`)
  })

  test('without SMTP_URL each email is written once as an .eml file named by its key', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'autodoctor-mail-'))
    try {
      const mailer = createFileMailer({ dir, from: FROM })
      const message = {
        key: `test.mail:${crypto.randomUUID()}`,
        to: 'someone@test.autodoctor.dev',
        subject: 'Twice',
        text: 'plain',
        html: '<p>plain</p>',
      }
      await mailer.send(message)
      await mailer.send(message)

      const files = await readdir(dir)
      expect(files).toEqual([`${message.key.replace(':', '_')}.eml`])
      const eml = await readFile(path.join(dir, files[0] ?? ''), 'utf8')
      expect(eml).toContain('Subject: Twice')
      expect(eml).toContain('To: someone@test.autodoctor.dev')
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
