import { mkdtemp, rm } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { eq } from 'drizzle-orm'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { jobs } from '@/db/schema'
import { runDueJobs } from '@/features/jobs/run-due-jobs'
import { listOutgoingMail } from '@/features/mail/list-outgoing-mail'
import { createFileMailer, createSmtpMailer, type Mailer, setMailer } from '@/features/mail/mailer'
import { readSentEmail } from '@/features/mail/read-sent-email'
import { enqueueEmail, sendEmailJob } from '@/features/mail/send-email-job'
import { startTestApp, type TestApp } from '../support/test-app'

type Received = { to: string[]; messageId: string }

let app: TestApp
let smtp: SMTPServer
let smtpUrl: string
/** While set, the server answers every connection "421 service not available", as one that is down. */
let refusing = false
const received: Received[] = []
const FROM = 'AutoDoctor <no-reply@test.autodoctor.dev>'
const registry = [sendEmailJob]

beforeAll(async () => {
  app = await startTestApp()
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onConnect(_session, callback) {
      if (!refusing) return callback()
      const error = Object.assign(new Error('Service not available, try later'), {
        responseCode: 421,
      })
      callback(error)
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8')
        received.push({
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          messageId: raw.match(/^Message-ID: (.+)$/im)?.[1]?.trim() ?? '',
        })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve))
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`
})

beforeEach(() => {
  refusing = false
  setMailer(createSmtpMailer({ url: smtpUrl, from: FROM }))
})

afterAll(async () => {
  setMailer(undefined)
  await new Promise<void>((resolve) => smtp.close(() => resolve()))
  await app.close()
})

async function queueEmails(
  userId: string,
  count: number,
  prefix = 'test.delivery',
): Promise<string[]> {
  const keys = Array.from({ length: count }, () => `${prefix}:${crypto.randomUUID()}`)
  await app.database.db.transaction(async (tx) => {
    for (const key of keys) {
      await enqueueEmail(tx, {
        key,
        userId,
        subject: 'Delivery test',
        content: { greeting: 'Hello,', paragraphs: ['Once, please.'] },
      })
    }
  })
  return keys
}

function receivedBy(email: string): Received[] {
  return received.filter((mail) => mail.to.includes(email))
}

async function jobOf(key: string) {
  const [job] = await app.database.db
    .select()
    .from(jobs)
    .where(eq(jobs.key, `mail:${key}`))
  if (!job) throw new Error(`no job ${key}`)
  return job
}

async function makeDue(key: string) {
  await app.database.db
    .update(jobs)
    .set({ runAt: new Date(Date.now() - 1000) })
    .where(eq(jobs.key, `mail:${key}`))
}

describe('email delivery guarantees', () => {
  test('two workers running at once send each email exactly once', async () => {
    const user = await app.createUser()
    const keys = await queueEmails(user.id, 12)

    await Promise.all([runDueJobs(registry), runDueJobs(registry)])

    const mine = receivedBy(user.email)
    expect(mine).toHaveLength(12)
    expect(new Set(mine.map((mail) => mail.messageId)).size).toBe(12)
    for (const key of keys) expect((await jobOf(key)).status).toBe('done')
  })

  test('SMTP down for a while: retried with backoff, delivered once when it is back', async () => {
    const user = await app.createUser()
    const [key = ''] = await queueEmails(user.id, 1)
    refusing = true

    const started = Date.now()
    await runDueJobs(registry)
    const first = await jobOf(key)
    expect(first).toMatchObject({ status: 'pending', attempts: 1 })
    expect(first.lastError).toMatch(/421|not available/i)
    expect(first.runAt.getTime()).toBeGreaterThanOrEqual(started + 10_000)

    // Still down at the next try: the wait doubles.
    await makeDue(key)
    const secondTry = Date.now()
    await runDueJobs(registry)
    const second = await jobOf(key)
    expect(second).toMatchObject({ status: 'pending', attempts: 2 })
    expect(second.runAt.getTime()).toBeGreaterThanOrEqual(secondTry + 20_000)
    // An admin sees it retrying, with the reason.
    const listed = (await listOutgoingMail({ page: 1 })).emails.find((mail) => mail.key === key)
    expect(listed).toMatchObject({ status: 'retrying', to: user.email, attempts: 2 })

    refusing = false
    await runDueJobs(registry)
    expect(receivedBy(user.email)).toHaveLength(0)
    await makeDue(key)
    await Promise.all([runDueJobs(registry), runDueJobs(registry)])

    expect(receivedBy(user.email)).toHaveLength(1)
    expect(await jobOf(key)).toMatchObject({ status: 'done', attempts: 3 })
  })

  test('a worker that claimed an email and died before sending: the email goes out once, later', async () => {
    const user = await app.createUser()
    const [key = ''] = await queueEmails(user.id, 1)
    // Claimed by a worker that was then killed: running, with a lease nobody will renew.
    await app.database.db
      .update(jobs)
      .set({ status: 'running', attempts: 1, lockedUntil: new Date(Date.now() + 60_000) })
      .where(eq(jobs.key, `mail:${key}`))
    await runDueJobs(registry)
    expect(receivedBy(user.email)).toHaveLength(0)

    await app.database.db
      .update(jobs)
      .set({ lockedUntil: new Date(Date.now() - 1000) })
      .where(eq(jobs.key, `mail:${key}`))
    await Promise.all([runDueJobs(registry), runDueJobs(registry)])

    expect(receivedBy(user.email)).toHaveLength(1)
    expect(await jobOf(key)).toMatchObject({ status: 'done', attempts: 2 })
  })

  test('a worker that died after SMTP took the email: the repeat carries the same Message-ID', async () => {
    const user = await app.createUser()
    const [key = ''] = await queueEmails(user.id, 1)
    const smtpMailer = createSmtpMailer({ url: smtpUrl, from: FROM })
    let handedOver = false
    // Sends, then never reports back: the process was killed before recording "sent".
    const dying: Mailer = {
      kind: 'smtp',
      async send(message) {
        await smtpMailer.send(message)
        handedOver = true
        await new Promise<never>(() => {})
      },
    }
    setMailer(dying)
    void runDueJobs(registry)
    await expect.poll(() => handedOver).toBe(true)

    setMailer(smtpMailer)
    await app.database.db
      .update(jobs)
      .set({ lockedUntil: new Date(Date.now() - 1000) })
      .where(eq(jobs.key, `mail:${key}`))
    await runDueJobs(registry)

    // At least once over SMTP: two copies, one Message-ID, which mail clients show as one email.
    const copies = receivedBy(user.email)
    expect(copies).toHaveLength(2)
    expect(copies[0]?.messageId).toBe(copies[1]?.messageId)
    expect(copies[0]?.messageId).toMatch(/^<test\.delivery_[0-9a-f-]+@autodoctor>$/)
    expect(await jobOf(key)).toMatchObject({ status: 'done', attempts: 2 })
  })

  test('a permanent failure is listed for admins as failed, with the reason', async () => {
    const user = await app.createUser()
    const [key = ''] = await queueEmails(user.id, 1)
    refusing = true
    await app.database.db
      .update(jobs)
      .set({ attempts: 11 })
      .where(eq(jobs.key, `mail:${key}`))
    await runDueJobs(registry)

    expect(await jobOf(key)).toMatchObject({ status: 'failed', attempts: 12 })
    const listed = (await listOutgoingMail({ page: 1 })).emails.find((mail) => mail.key === key)
    expect(listed).toMatchObject({ status: 'failed', to: user.email, subject: 'Delivery test' })
    expect(listed?.lastError).toMatch(/421|not available/i)
    expect(receivedBy(user.email)).toHaveLength(0)
  })

  test('admins read a sent .eml as text; a password reset email is listed but never shown', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'autodoctor-mail-'))
    try {
      setMailer(createFileMailer({ dir, from: FROM }))
      const user = await app.createUser()
      const [key = ''] = await queueEmails(user.id, 1)
      const [secret = ''] = await queueEmails(user.id, 1, 'password-reset')
      await runDueJobs(registry)

      const { emails } = await listOutgoingMail({ page: 1 })
      const sent = emails.find((mail) => mail.key === key)
      expect(sent).toMatchObject({ status: 'sent', readable: true })
      const read = await readSentEmail(sent?.id ?? -1)
      expect(read).toMatchObject({ kind: 'file', subject: 'Delivery test' })
      expect(read?.kind === 'file' && read.text).toContain('Once, please.')
      expect(read?.kind === 'file' && read.to).toContain(user.email)

      const reset = emails.find((mail) => mail.key === secret)
      expect(reset).toMatchObject({ status: 'sent', readable: false })
      expect(await readSentEmail(reset?.id ?? -1)).toBeUndefined()
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
