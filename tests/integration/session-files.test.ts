import { createHash, randomBytes } from 'node:crypto'
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { and, eq, sql } from 'drizzle-orm'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { GET as signedContentRoute } from '@/app/api/files/[id]/content/route'
import { GET as downloadRoute } from '@/app/api/files/[id]/route'
import { GET as listRoute, POST as uploadRoute } from '@/app/api/sessions/[id]/files/route'
import { jobs, sessionFiles } from '@/db/schema'
import { createDiskStorage } from '@/features/files/storage/disk-storage'
import type { FileStorage } from '@/features/files/storage/file-storage'
import { resolveFileUrlSecret } from '@/features/files/storage/file-url-secret'
import { enqueueOrphanSweep } from '@/features/files/sweep-orphan-objects-job'
import type { SharedFile } from '@/features/realtime/contract'
import { startTestS3, type TestS3 } from '../support/s3-server'
import {
  type Body,
  insertSession,
  liveRoom,
  runJobs,
  type SocketTestServer,
  startSocketServer,
} from '../support/sessions'
import { startTestApp, type TestApp, type TestUser } from '../support/test-app'

// Local files of this run go to a directory of its own. Hoisted: in place before the env is read.
const dataDir = vi.hoisted(() => {
  const { mkdtempSync } = require('node:fs') as typeof import('node:fs')
  const { tmpdir } = require('node:os') as typeof import('node:os')
  const dir = mkdtempSync(`${tmpdir()}/autodoctor-files-test-`)
  process.env.DATA_DIR = dir
  return dir
})

// Each test moves megabytes through image processing and two storages; busy machines are slow.
vi.setConfig({ testTimeout: 120_000 })

let app: TestApp
let sockets: SocketTestServer
let s3: TestS3
let disk: FileStorage

beforeAll(async () => {
  app = await startTestApp()
  sockets = await startSocketServer(app)
  s3 = await startTestS3()
  disk = createDiskStorage({
    root: path.join(dataDir, 'files'),
    secret: resolveFileUrlSecret(app.context.env),
  })
})

afterAll(async () => {
  await sockets.close()
  await app.close()
  await s3.close()
  rmSync(dataDir, { recursive: true, force: true })
})

const MB = 1024 * 1024

async function photoWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 640, height: 480, channels: 3, background: '#b33' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'PhoneMaker' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '51/1 30/1 0/1',
        GPSLongitudeRef: 'W',
        GPSLongitude: '0/1 7/1 0/1',
      },
    })
    .toBuffer()
}

const pdf = () => Buffer.concat([Buffer.from('%PDF-1.4\n% wiring diagram\n'), randomBytes(20_000)])
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

function upload(
  user: TestUser,
  sessionId: string,
  name: string,
  bytes: Buffer | ReadableStream<Uint8Array>,
) {
  return app.call<Body<{ file: SharedFile }>>(uploadRoute, {
    path: `/api/sessions/${sessionId}/files?name=${encodeURIComponent(name)}`,
    method: 'POST',
    cookie: user.cookie,
    params: { id: sessionId },
    body: bytes instanceof ReadableStream ? bytes : streamOf(bytes),
    headers:
      bytes instanceof ReadableStream
        ? { 'content-type': 'application/octet-stream' }
        : { 'content-type': 'image/jpeg', 'content-length': String(bytes.byteLength) },
  })
}

function streamOf(bytes: Buffer, chunk = 64 * 1024): ReadableStream<Uint8Array> {
  let offset = 0
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.byteLength) return controller.close()
      controller.enqueue(new Uint8Array(bytes.subarray(offset, offset + chunk)))
      offset += chunk
    },
  })
}

/** GET /api/files/:id as this user: the redirect to a freshly signed URL. */
function mintUrl(user: TestUser, fileId: string, variant = 'original') {
  return app.call(downloadRoute, {
    path: `/api/files/${fileId}?variant=${variant}`,
    cookie: user.cookie,
    params: { id: fileId },
  })
}

/** Follows a signed URL as any browser would, without a cookie. */
async function fetchSigned(
  url: string,
): Promise<{ status: number; bytes: Buffer; headers: Headers }> {
  if (url.startsWith('/')) {
    const fileId = url.split('/')[3] ?? ''
    const response = await signedContentRoute(new Request(new URL(url, app.context.env.appUrl)), {
      params: Promise.resolve({ id: fileId }),
    })
    return {
      status: response.status,
      bytes: Buffer.from(await response.arrayBuffer()),
      headers: response.headers,
    }
  }
  const response = await fetch(url)
  return {
    status: response.status,
    bytes: Buffer.from(await response.arrayBuffer()),
    headers: response.headers,
  }
}

async function download(user: TestUser, fileId: string, variant = 'original') {
  const minted = await mintUrl(user, fileId, variant)
  expect(minted.status).toBe(302)
  return fetchSigned(String(minted.headers.get('location')))
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

async function sweepKeysOf(sessionId: string): Promise<string[]> {
  const rows = await app.database.db
    .select({ payload: jobs.payload })
    .from(jobs)
    .where(
      and(
        eq(jobs.kind, 'files.sweep-orphan-objects'),
        sql`${jobs.key} like ${`files.sweep:sessions/${sessionId}/%`}`,
      ),
    )
  return rows.flatMap((row) => (row.payload as { keys: string[] }).keys)
}

function spooledFiles(): string[] {
  try {
    return readdirSync(path.join(dataDir, 'uploads'))
  } catch {
    return []
  }
}

describe.each(['disk', 's3'] as const)('on %s storage', (kind) => {
  beforeAll(() => {
    app.context.storage = kind === 'disk' ? disk : s3.storage
  })

  test('a photo and a PDF reach both participants at once, persist, and download for them only', async () => {
    const room = await liveRoom(app, sockets)
    const photo = await photoWithGps()
    expect((await sharp(photo).metadata()).exif).toBeDefined()

    const uploadedPhoto = await upload(room.customer, room.sessionId, 'dash warning.jpg', photo)
    expect(uploadedPhoto.status).toBe(201)
    const image = uploadedPhoto.body.file
    expect(image).toMatchObject({
      kind: 'image',
      name: 'dash warning.jpg',
      hasThumbnail: true,
      width: 640,
      height: 480,
    })
    const added = await room.mechanicClient.waitFor<SharedFile>(
      'file:added',
      (file) => file.id === image.id,
    )
    expect(added.uploaderName).toBe(room.customer.name)

    const document = pdf()
    const uploadedPdf = await upload(room.mechanic, room.sessionId, 'quote.pdf', document)
    expect(uploadedPdf.status).toBe(201)
    expect(uploadedPdf.body.file).toMatchObject({
      kind: 'pdf',
      contentType: 'application/pdf',
      hasThumbnail: false,
    })
    await room.customerClient.waitFor<SharedFile>('file:added', (file) => file.name === 'quote.pdf')

    // Reload: the list (route and socket) has both, oldest first.
    const listed = await app.call<Body<{ files: SharedFile[] }>>(listRoute, {
      path: `/api/sessions/${room.sessionId}/files`,
      cookie: room.mechanic.cookie,
      params: { id: room.sessionId },
    })
    expect(listed.body.files.map((file) => file.name)).toEqual(['dash warning.jpg', 'quote.pdf'])

    const pdfBack = await download(room.customer, uploadedPdf.body.file.id)
    expect(pdfBack.status).toBe(200)
    expect(sha256(pdfBack.bytes)).toBe(sha256(document))
    expect(pdfBack.headers.get('content-disposition')).toMatch(/^attachment; filename="quote.pdf"/)

    const photoBack = await download(room.mechanic, image.id)
    expect(photoBack.status).toBe(200)
    const stripped = await sharp(photoBack.bytes).metadata()
    expect(stripped.exif).toBeUndefined()
    expect(stripped.width).toBe(640)
    const thumbnail = await download(room.mechanic, image.id, 'thumbnail')
    expect((await sharp(thumbnail.bytes).metadata()).format).toBe('webp')

    // An admin may read it; a stranger learns nothing.
    const admin = await app.createUser({ role: 'admin' })
    expect((await download(admin, image.id)).status).toBe(200)
    const stranger = await app.createUser({ role: 'customer' })
    expect((await mintUrl(stranger, image.id)).status).toBe(404)
    const strangerList = await app.call(listRoute, {
      path: `/api/sessions/${room.sessionId}/files`,
      cookie: stranger.cookie,
      params: { id: room.sessionId },
    })
    expect(strangerList.status).toBe(404)
    const otherMechanic = await app.createUser({ role: 'mechanic' })
    expect((await mintUrl(otherMechanic, uploadedPdf.body.file.id)).status).toBe(404)
  })

  test('a signed URL fails once it expires, and when any part of it is changed', async () => {
    const room = await liveRoom(app, sockets)
    const uploaded = await upload(room.customer, room.sessionId, 'scan.pdf', pdf())
    const fileId = uploaded.body.file.id

    const minted = await mintUrl(room.customer, fileId)
    const url = String(minted.headers.get('location'))
    expect((await fetchSigned(url)).status).toBe(200)
    if (kind === 'disk') {
      const tampered = new URL(url, 'http://x')
      tampered.searchParams.set(
        'expires',
        String(Number(tampered.searchParams.get('expires')) + 3600),
      )
      const forged = await fetchSigned(`${tampered.pathname}${tampered.search}`)
      expect(forged.status).toBe(403)
      const other = await upload(room.customer, room.sessionId, 'other.pdf', pdf())
      const swapped = url.replace(fileId, other.body.file.id)
      expect((await fetchSigned(swapped)).status).toBe(403)
    }
    // On S3 the signature is S3's to check (s3rver checks a presigned URL's expiry, not its
    // signature); the expiry below runs on both.

    const ttl = app.context.env.FILE_URL_TTL_SECONDS
    app.context.env.FILE_URL_TTL_SECONDS = 1
    try {
      const short = String((await mintUrl(room.customer, fileId)).headers.get('location'))
      await waitUntil(async () => (await fetchSigned(short)).status === 403)
      const expired = await fetchSigned(short)
      if (kind === 'disk') expect(expired.bytes.toString()).toContain('expired')
    } finally {
      app.context.env.FILE_URL_TTL_SECONDS = ttl
    }
  })

  test('more than 10 MB is refused at the limit, declared or not, and nothing is kept', async () => {
    const room = await liveRoom(app, sockets)
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(11 * MB)])
    const declared = await upload(room.customer, room.sessionId, 'big.pdf', big)
    expect(declared.status).toBe(413)
    expect(declared.body.error?.code).toBe('payload_too_large')
    expect(declared.body.error?.message).toBe('Files can be at most 10 MB')
    // No Content-Length: the server stops reading at the limit.
    const streamed = await upload(room.customer, room.sessionId, 'big.pdf', streamOf(big))
    expect(streamed.status).toBe(413)
    const rows = await app.database.db
      .select()
      .from(sessionFiles)
      .where(eq(sessionFiles.sessionId, room.sessionId))
    expect(rows).toEqual([])
    expect(spooledFiles()).toEqual([])
  })

  test('the kind is read from the content: an .exe named .jpg and random bytes are refused, text is taken', async () => {
    const room = await liveRoom(app, sockets)
    const exe = Buffer.concat([Buffer.from('MZ'), randomBytes(50_000)])
    const refused = await upload(room.customer, room.sessionId, 'photo.jpg', exe)
    expect(refused.status).toBe(415)
    expect(refused.body.error?.message).toContain('PDF')
    expect(refused.body.error).toMatchObject({
      allowed: expect.arrayContaining(['JPEG', 'PDF', 'MP4']),
    })
    expect(
      (await upload(room.customer, room.sessionId, 'notes.pdf', randomBytes(9000))).status,
    ).toBe(415)

    const notes = await upload(
      room.customer,
      room.sessionId,
      'obd codes',
      Buffer.from('P0301 – misfire, cylinder 1\n'),
    )
    expect(notes.status).toBe(201)
    expect(notes.body.file).toMatchObject({ kind: 'text', name: 'obd codes.txt' })
    // A PDF sent as "image.png" is stored as what it is.
    const renamed = await upload(room.customer, room.sessionId, 'image.png', pdf())
    expect(renamed.body.file).toMatchObject({ kind: 'pdf', name: 'image.pdf' })
    expect(spooledFiles()).toEqual([])
  })

  test('names are sanitised for display and for the download header', async () => {
    const room = await liveRoom(app, sockets)
    const uploaded = await upload(
      room.customer,
      room.sessionId,
      '../../etc/\u202Egpj.exe"\r\nX: y.pdf',
      pdf(),
    )
    expect(uploaded.status).toBe(201)
    expect(uploaded.body.file.name).toBe('gpj.exe_X_ y.pdf')
    const back = await download(room.customer, uploaded.body.file.id)
    expect(back.headers.get('content-disposition')).toBe(
      `attachment; filename="gpj.exe_X_ y.pdf"; filename*=UTF-8''${encodeURIComponent('gpj.exe_X_ y.pdf')}`,
    )
  })

  test('only participants of a running session upload: admins 403, strangers 404, after the end 409', async () => {
    const room = await liveRoom(app, sockets)
    const admin = await app.createUser({ role: 'admin' })
    expect((await upload(admin, room.sessionId, 'a.pdf', pdf())).status).toBe(403)
    const stranger = await app.createUser({ role: 'customer' })
    expect((await upload(stranger, room.sessionId, 'a.pdf', pdf())).status).toBe(404)

    const customer = await app.createUser({ role: 'customer' })
    const mechanic = await app.createUser({ role: 'mechanic' })
    const ended = await insertSession(app, {
      customerId: customer.id,
      mechanicId: mechanic.id,
      status: 'completed',
    })
    const late = await upload(customer, ended.id, 'a.pdf', pdf())
    expect(late.status).toBe(409)
    expect(late.body.error?.message).toBe('Files can be shared only while the session is running')
  })

  test('a failed insert deletes the objects it wrote; a crash before the insert is swept by the job', async () => {
    const room = await liveRoom(app, sockets)
    const { storage } = app.context
    // A real failure of the insert, raised by the database itself.
    await app.database.db.execute(
      sql.raw(`create or replace function refuse_test_file() returns trigger language plpgsql as $$
        begin raise exception 'refused for the test'; end $$`),
    )
    await app.database.db.execute(
      sql.raw('drop trigger if exists refuse_test_file on session_files'),
    )
    await app.database.db.execute(
      sql.raw(`create trigger refuse_test_file before insert on session_files
        for each row when (new.name = 'refuse-me.jpg') execute function refuse_test_file()`),
    )
    const failed = await upload(
      room.customer,
      room.sessionId,
      'refuse-me.jpg',
      await photoWithGps(),
    )
    expect(failed.status).toBe(500)
    const keys = await sweepKeysOf(room.sessionId)
    expect(keys).toHaveLength(2)
    for (const key of keys) expect(await storage.exists(key)).toBe(false)

    // What a process that died between the object and the row leaves behind.
    const orphan = `sessions/${room.sessionId}/00000000-0000-4000-8000-${randomBytes(6).toString('hex')}`
    await enqueueOrphanSweep([orphan], 3600)
    const source = path.join(mkdtempSync(path.join(tmpdir(), 'orphan-')), 'bytes')
    const orphanBytes = pdf()
    writeFileSync(source, orphanBytes)
    await storage.put(orphan, {
      path: source,
      size: orphanBytes.byteLength,
      contentType: 'application/pdf',
    })
    const kept = await upload(room.customer, room.sessionId, 'kept.pdf', pdf())
    expect(kept.status).toBe(201)

    // Not before the grace period: the upload may still be in flight.
    await runJobs()
    expect(await storage.exists(orphan)).toBe(true)
    await app.database.db
      .update(jobs)
      .set({ runAt: new Date() })
      .where(eq(jobs.kind, 'files.sweep-orphan-objects'))
    await runJobs()
    expect(await storage.exists(orphan)).toBe(false)
    // The completed upload's own sweep found its row and left it alone.
    const [row] = await app.database.db
      .select()
      .from(sessionFiles)
      .where(eq(sessionFiles.id, kept.body.file.id))
    expect(await storage.exists(String(row?.storageKey))).toBe(true)
    expect((await download(room.customer, kept.body.file.id)).status).toBe(200)
  })
})
