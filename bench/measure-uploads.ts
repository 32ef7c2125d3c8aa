/**
 * Uploads through the real production server (a child process running `server.ts` on the built
 * app, as `npm run serve` does): a 10 MB upload's RSS growth and throughput, 20 concurrent 5 MB
 * uploads, and the raw disk write speed of the same machine in the same run. The server's RSS is
 * sampled from /proc every 5 ms, so the figure is the server's own memory, not the clients'.
 *
 * `tsx bench/measure-uploads.ts` runs this part alone; `npm run bench` includes it.
 */
import { randomBytes } from 'node:crypto'
import { createReadStream, createWriteStream, readFileSync, statSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { io } from 'socket.io-client'
import {
  freePort,
  makeDataDir,
  type ProductionServer,
  removeDataDir,
  startProductionServer,
} from '../tests/e2e/support/production-server'
import { progress } from './progress'
import { summarize } from './stats'

const MB = 1024 * 1024
export const UPLOAD_TARGETS = { rssGrowthMb: 16 }

type Upload = { status: number; ms: number }

export async function measureUploads() {
  const scratch = await mkdtemp(path.join(tmpdir(), 'autodoctor-upload-bench-'))
  const dataDir = makeDataDir('upload-bench')
  progress('uploads: starting a production server (needs `npm run build` first)')
  const server = await startProductionServer({
    port: await freePort(),
    dataDir,
    env: { LOG_LEVEL: 'warn', FILE_ORPHAN_GRACE_SECONDS: '3600' },
    healthTimeoutMs: 300_000,
  })
  let room: Room | undefined
  try {
    const live = await openLiveRoom(server)
    room = live
    const tenMb = pdfFile(scratch, 'ten.pdf', 10 * MB)
    const fiveMb = pdfFile(scratch, 'five.pdf', 5 * MB)
    const warmUp = pdfFile(scratch, 'warm.pdf', 256 * 1024)
    // Loads the route's code (and sharp, file-type) before anything is measured.
    for (let index = 0; index < 3; index += 1) await upload(server, live, warmUp)

    progress('uploads: one 10 MB upload')
    const single = await withPeakRss(server, () => upload(server, live, tenMb))
    progress('uploads: 20 concurrent 5 MB uploads')
    const concurrent = await withPeakRss(server, () =>
      Promise.all(Array.from({ length: 20 }, () => upload(server, live, fiveMb))),
    )
    const stored = await listFiles(server, live)
    progress('uploads: raw disk write speed')
    const disk = await rawDiskWrite(path.join(dataDir, 'raw-write-check'), 10 * MB)

    const singleMbPerSecond = round(10 / (single.result.ms / 1000))
    const concurrentStatuses = concurrent.result.map((item) => item.status)
    return {
      what: 'POST /api/sessions/:id/files on a production server, local disk storage, PGlite; bodies streamed from files by node:http clients in the bench process',
      tenMb: {
        status: single.result.status,
        ms: Math.round(single.result.ms),
        mbPerSecond: singleMbPerSecond,
        serverRssBeforeMb: single.beforeMb,
        serverRssPeakMb: single.peakMb,
        serverRssGrowthMb: round(single.peakMb - single.beforeMb),
      },
      concurrent: {
        uploads: 20,
        eachMb: 5,
        allCreated: concurrentStatuses.every((status) => status === 201),
        statuses: countBy(concurrentStatuses),
        filesListed: stored,
        wallMs: Math.round(concurrent.ms),
        aggregateMbPerSecond: round(100 / (concurrent.ms / 1000)),
        perUploadMs: summarize(concurrent.result.map((item) => item.ms)),
        serverRssBeforeMb: concurrent.beforeMb,
        serverRssPeakMb: concurrent.peakMb,
        serverRssGrowthMb: round(concurrent.peakMb - concurrent.beforeMb),
      },
      rawDiskWrite: { mb: 10, ms: Math.round(disk.ms), mbPerSecond: round(10 / (disk.ms / 1000)) },
      targets: UPLOAD_TARGETS,
      targetMet:
        single.result.status === 201 &&
        single.peakMb - single.beforeMb <= UPLOAD_TARGETS.rssGrowthMb &&
        concurrentStatuses.every((status) => status === 201),
    }
  } finally {
    room?.close()
    await server.stop()
    removeDataDir(dataDir)
    await rm(scratch, { recursive: true, force: true })
  }
}

type Room = { sessionId: string; customerCookie: string; close: () => void }

/**
 * A live session on that server, made the way people make one: a customer signs up, books and
 * pays on the local checkout; the demo mechanic accepts; both join the room over sockets.
 */
async function openLiveRoom(server: ProductionServer): Promise<Room> {
  const customer = await post(server, '/api/auth/sign-up/email', {
    name: 'Bench Uploader',
    email: `bench-uploads-${Date.now()}@bench.autodoctor.dev`,
    password: 'bench-uploads-password',
  })
  const customerCookie = customer.cookie
  const booked = await post(
    server,
    '/api/bookings',
    { plan: 'chat', vehicle: { year: 2015, make: 'Ford', model: 'Focus' }, concern: 'Bench' },
    customerCookie,
  )
  const { checkoutId } = (booked.body as { checkout: { checkoutId: string } }).checkout
  await post(server, `/api/checkout/local/${checkoutId}/pay`, undefined, customerCookie)
  const listed = await fetch(`${server.url}/api/sessions`, { headers: { cookie: customerCookie } })
  const { sessions } = (await listed.json()) as { sessions: { id: string; status: string }[] }
  const sessionId = sessions.find((session) => session.status === 'pending')?.id
  if (!sessionId) throw new Error('the paid booking made no session')
  const mechanic = await post(server, '/api/auth/sign-in/email', {
    email: 'mechanic@demo.autodoctor.dev',
    password: 'demo-mechanic-1',
  })
  await post(server, `/api/sessions/${sessionId}/accept`, undefined, mechanic.cookie)
  const sockets: ReturnType<typeof io>[] = []
  for (const cookie of [customerCookie, mechanic.cookie]) {
    const socket = io(server.url, {
      transports: ['websocket'],
      extraHeaders: { cookie, origin: server.url },
    })
    sockets.push(socket)
    await new Promise<void>((resolve, reject) => {
      socket.emit('session:join', { sessionId }, (ack: { ok: boolean }) =>
        ack.ok ? resolve() : reject(new Error(`join failed: ${JSON.stringify(ack)}`)),
      )
    })
  }
  return {
    sessionId,
    customerCookie,
    close: () => {
      for (const socket of sockets) socket.close()
    },
  }
}

async function post(server: ProductionServer, route: string, body: unknown, cookie?: string) {
  const response = await fetch(`${server.url}${route}`, {
    method: 'POST',
    headers: {
      origin: server.url,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(cookie ? { cookie } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`${route}: ${response.status} ${await response.text()}`)
  const setCookies = response.headers.getSetCookie()
  return {
    body: (await response.json()) as unknown,
    cookie: setCookies.map((item) => item.split(';')[0]).join('; '),
  }
}

/** Streams a file from disk as the request body, with its length, as a browser sends a File. */
function upload(server: ProductionServer, room: Room, file: string): Promise<Upload> {
  const started = performance.now()
  return new Promise((resolve, reject) => {
    const outgoing = request(
      `${server.url}/api/sessions/${room.sessionId}/files?name=${path.basename(file)}`,
      {
        method: 'POST',
        headers: {
          origin: server.url,
          cookie: room.customerCookie,
          'content-type': 'application/octet-stream',
          'content-length': statSync(file).size,
        },
      },
      (response) => {
        response.resume()
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, ms: performance.now() - started }),
        )
      },
    )
    outgoing.on('error', reject)
    createReadStream(file).pipe(outgoing)
  })
}

async function listFiles(server: ProductionServer, room: Room): Promise<number> {
  const response = await fetch(`${server.url}/api/sessions/${room.sessionId}/files`, {
    headers: { cookie: room.customerCookie },
  })
  return ((await response.json()) as { files: unknown[] }).files.length
}

/** The child's resident set size, from the kernel (Linux). */
function rssMbOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
  return round(kb / 1024)
}

async function withPeakRss<T>(server: ProductionServer, run: () => Promise<T>) {
  const pid = server.child.pid
  if (!pid) throw new Error('the server has no pid')
  const beforeMb = rssMbOf(pid)
  let peakMb = beforeMb
  const sampler = setInterval(() => {
    peakMb = Math.max(peakMb, rssMbOf(pid))
  }, 5)
  const started = performance.now()
  try {
    const result = await run()
    return {
      result,
      ms: performance.now() - started,
      beforeMb,
      peakMb: Math.max(peakMb, rssMbOf(pid)),
    }
  } finally {
    clearInterval(sampler)
  }
}

/** The floor: the same bytes written straight to a file in the server's data directory. */
async function rawDiskWrite(file: string, bytes: number): Promise<{ ms: number }> {
  const source = randomBytes(bytes)
  const started = performance.now()
  const out = createWriteStream(file)
  await pipeline(
    (async function* () {
      for (let offset = 0; offset < bytes; offset += 64 * 1024)
        yield source.subarray(offset, offset + 64 * 1024)
    })(),
    out,
  )
  return { ms: performance.now() - started }
}

function pdfFile(dir: string, name: string, size: number): string {
  const file = path.join(dir, name)
  writeFileSync(file, Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(size - 9)]))
  return file
}

function countBy(values: number[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1
  return counts
}

function round(value: number): number {
  return Math.round(value * 100) / 100
}

// Run alone: `tsx bench/measure-uploads.ts`.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  measureUploads().then(
    (result) => {
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
      process.exit(0)
    },
    (error: unknown) => {
      progress(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
      process.exit(1)
    },
  )
}
