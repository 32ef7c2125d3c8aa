import { randomUUID } from 'node:crypto'
import { and, eq, like } from 'drizzle-orm'
import { PDFDocument } from 'pdf-lib'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { POST as ratingRoute } from '@/app/api/sessions/[id]/rating/route'
import { POST as photoRoute } from '@/app/api/sessions/[id]/summary/photos/route'
import { PUT as draftRoute, GET as readRoute } from '@/app/api/sessions/[id]/summary/route'
import { POST as submitRoute } from '@/app/api/sessions/[id]/summary/submit/route'
import { jobs, sessionFiles } from '@/db/schema'
import { createSmtpMailer, setMailer } from '@/features/mail/mailer'
import type { SharedFile } from '@/features/realtime/contract'
import { listRatings } from '@/features/summaries/list-ratings'
import { getMechanicRating } from '@/features/summaries/rate-session'
import type { SummaryView } from '@/features/summaries/summary-view'
import { type Body, insertSession, runJobs, testVehicle } from '../support/sessions'
import { type CapturedMail, type SmtpCapture, startSmtpCapture } from '../support/smtp-capture'
import { startTestApp, type TestApp, type TestUser } from '../support/test-app'

vi.setConfig({ testTimeout: 60_000 })

let app: TestApp
let smtp: SmtpCapture
const received: CapturedMail[] = []

beforeAll(async () => {
  app = await startTestApp()
  smtp = await startSmtpCapture(received)
  setMailer(
    createSmtpMailer({
      url: smtp.url,
      from: 'AutoDoctor <no-reply@test.autodoctor.dev>',
    }),
  )
})

afterAll(async () => {
  setMailer(undefined)
  await smtp.close()
  await app.close()
})

const draft = {
  findings: 'Worn front pads <b>& scored rotors</b>',
  stepsTaken: 'Listened to the brake noise; checked pad thickness on camera',
  recommendations: 'Replace front pads and rotors this week',
  urgency: 'fix_soon' as const,
  parts: [{ part: 'Front brake pads', quantity: 1, estimatedCostCents: 4599 }],
  photoFileIds: [] as string[],
}

type SummaryBody = Body<{ summary: SummaryView | null }>

/** A chat session that went live and completed, between two fresh accounts. */
async function endedSession(status: 'completed' | 'cancelled' = 'completed', wentLive = true) {
  const [customer, mechanic] = await Promise.all([
    app.createUser({ role: 'customer' }),
    app.createUser({ role: 'mechanic' }),
  ])
  const now = Date.now()
  const session = await insertSession(app, {
    customerId: customer.id,
    mechanicId: mechanic.id,
    status,
    acceptedAt: new Date(now - 40 * 60_000),
    startedAt: wentLive ? new Date(now - 35 * 60_000) : null,
    endedAt: new Date(now - 60_000),
  })
  return { sessionId: session.id, customer, mechanic }
}

const saveDraft = (user: TestUser, sessionId: string, body: unknown = draft) =>
  app.call<SummaryBody>(draftRoute, {
    path: `/api/sessions/${sessionId}/summary`,
    method: 'PUT',
    cookie: user.cookie,
    params: { id: sessionId },
    body,
  })

const submit = (user: TestUser, sessionId: string, body: unknown = draft) =>
  app.call<SummaryBody>(submitRoute, {
    path: `/api/sessions/${sessionId}/summary/submit`,
    method: 'POST',
    cookie: user.cookie,
    params: { id: sessionId },
    body,
  })

const read = (user: TestUser, sessionId: string) =>
  app.call<SummaryBody>(readRoute, {
    path: `/api/sessions/${sessionId}/summary`,
    cookie: user.cookie,
    params: { id: sessionId },
  })

const addPhoto = (user: TestUser, sessionId: string, name: string, bytes: Buffer) =>
  app.call<Body<{ file: SharedFile }>>(photoRoute, {
    path: `/api/sessions/${sessionId}/summary/photos?name=${encodeURIComponent(name)}`,
    method: 'POST',
    cookie: user.cookie,
    params: { id: sessionId },
    body: new ReadableStream({
      start(controller) {
        controller.enqueue(new Uint8Array(bytes))
        controller.close()
      },
    }),
    headers: { 'content-type': 'application/octet-stream', 'content-length': String(bytes.length) },
  })

const rate = (user: TestUser, sessionId: string, body: unknown) =>
  app.call(ratingRoute, {
    path: `/api/sessions/${sessionId}/rating`,
    method: 'POST',
    cookie: user.cookie,
    params: { id: sessionId },
    body,
  })

/** The base64 body of the PDF part of a raw MIME message. */
function pdfAttachmentOf(raw: string): Buffer {
  const part = raw.split(/\r?\n--/).find((piece) => piece.includes('application/pdf'))
  const body =
    part
      ?.split(/\r?\n\r?\n/)
      .slice(1)
      .join('') ?? ''
  return Buffer.from(body.replace(/\s+/g, ''), 'base64')
}

async function summaryJobs(sessionId: string) {
  return app.database.db
    .select({ id: jobs.id, finishedAt: jobs.finishedAt })
    .from(jobs)
    .where(and(eq(jobs.kind, 'summary.email'), like(jobs.key, `%${sessionId}`)))
}

describe('the mechanic writes the summary', () => {
  test('a draft is kept on the server; only the mechanic sees it until it is sent', async () => {
    const { sessionId, customer, mechanic } = await endedSession()
    const saved = await saveDraft(mechanic, sessionId, { ...draft, urgency: null, findings: '' })
    expect(saved.status).toBe(200)
    const changed = await saveDraft(mechanic, sessionId)
    expect(changed.body.summary).toMatchObject({ findings: draft.findings, submittedAt: null })

    expect((await read(mechanic, sessionId)).body.summary?.findings).toBe(draft.findings)
    const customerView = await read(customer, sessionId)
    expect(customerView.status).toBe(200)
    expect(customerView.body.summary).toBeNull()
  })

  test('only the session mechanic writes, and only once a live session has ended', async () => {
    const { sessionId, customer } = await endedSession()
    const stranger = await app.createUser({ role: 'mechanic' })
    expect((await saveDraft(stranger, sessionId)).status).toBe(404)
    expect((await read(stranger, sessionId)).status).toBe(404)
    expect((await saveDraft(customer, sessionId)).status).toBe(403)
    expect((await submit(stranger, sessionId)).status).toBe(404)

    const neverLive = await endedSession('cancelled', false)
    const refused = await saveDraft(neverLive.mechanic, neverLive.sessionId)
    expect(refused.status).toBe(409)
    const live = await insertSession(app, {
      customerId: (await app.createUser()).id,
      mechanicId: neverLive.mechanic.id,
      status: 'live',
      startedAt: new Date(),
    })
    expect((await submit(neverLive.mechanic, live.id)).status).toBe(409)
  })

  test('photos must be images shared in the same session', async () => {
    const { sessionId, mechanic, customer } = await endedSession()
    const other = await endedSession()
    const file = (session: string, kind: 'image' | 'pdf') => ({
      id: randomUUID(),
      sessionId: session,
      uploaderId: customer.id,
      name: `${kind}.bin`,
      kind,
      contentType: kind === 'image' ? 'image/jpeg' : 'application/pdf',
      sizeBytes: 10,
      sha256: 'x',
      storageKey: randomUUID(),
    })
    const [mine, pdf, theirs] = [
      file(sessionId, 'image'),
      file(sessionId, 'pdf'),
      file(other.sessionId, 'image'),
    ]
    await app.database.db.insert(sessionFiles).values([mine, pdf, theirs])
    expect(
      (await saveDraft(mechanic, sessionId, { ...draft, photoFileIds: [mine.id] })).status,
    ).toBe(200)
    expect(
      (await saveDraft(mechanic, sessionId, { ...draft, photoFileIds: [pdf.id] })).status,
    ).toBe(422)
    expect(
      (await saveDraft(mechanic, sessionId, { ...draft, photoFileIds: [theirs.id] })).status,
    ).toBe(422)
  })

  test('the mechanic adds a photo taken since, until the summary is sent; only photos', async () => {
    const { sessionId, mechanic, customer } = await endedSession()
    const photo = await sharp({
      create: { width: 320, height: 240, channels: 3, background: '#0ea5e9' },
    })
      .png()
      .toBuffer()
    const added = await addPhoto(mechanic, sessionId, 'quote.png', photo)
    expect(added.status).toBe(201)
    const fileId = added.body.file.id
    expect(added.body.file).toMatchObject({ name: 'quote.png', kind: 'image' })
    expect(
      (await saveDraft(mechanic, sessionId, { ...draft, photoFileIds: [fileId] })).body.summary
        ?.photoFileIds,
    ).toEqual([fileId])

    const document = Buffer.from('%PDF-1.4\n% not a photo\n%%EOF\n')
    expect((await addPhoto(mechanic, sessionId, 'notes.pdf', document)).status).toBe(415)
    expect((await addPhoto(customer, sessionId, 'quote.png', photo)).status).toBe(403)
    const stranger = await app.createUser({ role: 'mechanic' })
    expect((await addPhoto(stranger, sessionId, 'quote.png', photo)).status).toBe(404)

    expect((await submit(mechanic, sessionId)).status).toBe(200)
    const late = await addPhoto(mechanic, sessionId, 'late.png', photo)
    expect(late.status).toBe(409)
    const files = await app.database.db
      .select({ name: sessionFiles.name })
      .from(sessionFiles)
      .where(eq(sessionFiles.sessionId, sessionId))
    expect(files.map((file) => file.name)).toEqual(['quote.png'])
  })

  test('submit needs findings, next steps and urgency', async () => {
    const { sessionId, mechanic } = await endedSession()
    const missing = await submit(mechanic, sessionId, { ...draft, urgency: null })
    expect(missing.status).toBe(422)
    expect((await submit(mechanic, sessionId, { ...draft, findings: '  ' })).status).toBe(422)
    expect(await summaryJobs(sessionId)).toHaveLength(0)
  })

  test('submitted once: a second submit is 409 and sends nothing; the email has the PDF', async () => {
    const { sessionId, customer, mechanic } = await endedSession()
    const first = await submit(mechanic, sessionId)
    expect(first.status).toBe(200)
    expect(first.body.summary?.submittedAt).not.toBeNull()

    const again = await submit(mechanic, sessionId, { ...draft, findings: 'Changed my mind' })
    expect(again.status).toBe(409)
    expect(again.body.error?.message).toBe('This summary was already sent')
    expect((await saveDraft(mechanic, sessionId)).status).toBe(409)

    const seen = await read(customer, sessionId)
    expect(seen.body.summary?.findings).toBe(draft.findings)

    await runJobs()
    await runJobs()
    const mails = received.filter((mail) => mail.to.includes(customer.email))
    expect(mails).toHaveLength(1)
    // Bodies travel quoted-printable: long lines are wrapped with a trailing `=`.
    const raw = (mails[0]?.raw ?? '').replace(/=\r?\n/g, '').replace(/=3D/g, '=')
    expect(raw).toContain('Content-Type: application/pdf')
    expect(raw).toMatch(/filename=autodoctor-summary-[0-9a-f]{8}\.pdf/)
    expect(raw).toContain(`/sessions/${sessionId}`)
    expect(raw).toContain('Subject: Your session summary')
    // User text reaches the HTML part escaped.
    const html = raw.split(/\r?\n--/).find((piece) => piece.includes('Content-Type: text/html'))
    expect(html).toContain('&lt;b&gt;&amp; scored rotors&lt;/b&gt;')
    expect(html).not.toContain('<b>& scored')
    expect(await summaryJobs(sessionId)).toHaveLength(1)

    const attached = await PDFDocument.load(pdfAttachmentOf(raw))
    expect(attached.getTitle()).toBe('Session summary: 2016 Subaru Outback')
    expect(attached.getPageCount()).toBeGreaterThanOrEqual(1)
  })

  test('two submits at the same moment: exactly one 200 and one email job', async () => {
    const { sessionId, mechanic } = await endedSession()
    await saveDraft(mechanic, sessionId)
    const results = await Promise.all([submit(mechanic, sessionId), submit(mechanic, sessionId)])
    expect(results.map((result) => result.status).sort()).toEqual([200, 409])
    expect(await summaryJobs(sessionId)).toHaveLength(1)
  })
})

describe('the customer rates the session', () => {
  test('once, 1 to 5 stars; the mechanic sees the average', async () => {
    const { sessionId, customer, mechanic } = await endedSession()
    const second = await endedSession()
    expect((await rate(customer, sessionId, { stars: 6 })).status).toBe(422)
    expect((await rate(mechanic, sessionId, { stars: 5 })).status).toBe(403)
    expect((await rate(second.customer, sessionId, { stars: 5 })).status).toBe(404)

    const rated = await rate(customer, sessionId, { stars: 4, comment: 'Clear and quick' })
    expect(rated.status).toBe(201)
    const again = await rate(customer, sessionId, { stars: 1 })
    expect(again.status).toBe(409)
    expect(await getMechanicRating(mechanic.id)).toEqual({ average: 4, count: 1 })
  })

  test('a session that never went live cannot be rated', async () => {
    const { sessionId, customer } = await endedSession('cancelled', false)
    expect((await rate(customer, sessionId, { stars: 3 })).status).toBe(409)
  })

  test('support sees every rating, newest first, with who gave it to whom and the average', async () => {
    const before = await listRatings({ page: 1 })
    const first = await endedSession()
    const second = await endedSession()
    expect((await rate(first.customer, first.sessionId, { stars: 5 })).status).toBe(201)
    expect(
      (await rate(second.customer, second.sessionId, { stars: 2, comment: '<b>Too short</b>' }))
        .status,
    ).toBe(201)

    const after = await listRatings({ page: 1 })
    expect(after.total).toBe(before.total + 2)
    const sum = (before.average ?? 0) * before.total + 5 + 2
    expect(after.average).toBeCloseTo(sum / after.total, 5)
    const ours = after.ratings.filter((rating) =>
      [first.sessionId, second.sessionId].includes(rating.sessionId),
    )
    expect(
      ours.map(({ sessionId, customerName, mechanicName, stars, comment, vehicle }) => ({
        sessionId,
        customerName,
        mechanicName,
        stars,
        comment,
        vehicle,
      })),
    ).toEqual([
      {
        sessionId: second.sessionId,
        customerName: second.customer.name,
        mechanicName: second.mechanic.name,
        stars: 2,
        comment: '<b>Too short</b>',
        vehicle: `${testVehicle.year} ${testVehicle.make} ${testVehicle.model}`,
      },
      {
        sessionId: first.sessionId,
        customerName: first.customer.name,
        mechanicName: first.mechanic.name,
        stars: 5,
        comment: null,
        vehicle: `${testVehicle.year} ${testVehicle.make} ${testVehicle.model}`,
      },
    ])
  })
})
