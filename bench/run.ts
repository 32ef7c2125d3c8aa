/**
 * `npm run --silent bench`: chat fan-out and expiry lag of the real socket server on the real
 * database, each beside a bare Socket.IO baseline measured in the same run. Prints one JSON
 * document on stdout; progress goes to stderr.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import { z } from 'zod'
import { closeContext, initContext } from '@/server/context'
import { createAppSocketServer } from '@/server/create-app-socket-server'
import { startLoops } from '@/server/loops'
import {
  type ArrangedSession,
  arrangeAcceptedSessions,
  arrangeExpiries,
  readSessions,
} from './arrange-sessions'
import {
  type ChatResult,
  type ClientFleet,
  type EndedReceipt,
  type FleetClient,
  type FleetSession,
  startClientFleet,
} from './client-fleet'
import { sleep } from './concurrency'
import { type EventLoopDelay, measureEventLoop } from './measure-event-loop'
import { measureExtensions } from './measure-extensions'
import { measureMonitor } from './measure-monitor'
import { measureSignIn } from './measure-sign-in'
import { measureUploads } from './measure-uploads'
import { openBenchDatabase } from './open-bench-database'
import { elapsedSeconds, progress } from './progress'
import { startBareRelay } from './start-bare-relay'
import { compare, summarize } from './stats'

// The app's logger writes JSON lines to stdout, which must carry nothing but the result.
process.env.LOG_LEVEL ||= 'silent'

const configSchema = z.object({
  BENCH_SESSIONS: z.coerce.number().int().min(1).max(2000).default(500),
  BENCH_MESSAGES_PER_SENDER: z.coerce.number().int().min(1).max(100).default(3),
  BENCH_MESSAGE_INTERVAL_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  BENCH_EXPIRY_WINDOW_MS: z.coerce.number().int().min(0).max(60_000).default(5000),
  BENCH_EXTENSIONS: z.coerce.number().int().min(1).max(2000).default(100),
  BENCH_MONITOR_SESSIONS: z.coerce.number().int().min(100).max(1_000_000).default(100_000),
  BENCH_SIGN_INS: z.coerce.number().int().min(1).max(1000).default(30),
  /**
   * `monitor`: only the session monitor pass (no sockets, no realtime phases); `sign-in`: only
   * the server-side time of email sign-ins.
   */
  BENCH_ONLY: z.enum(['monitor', 'sign-in']).optional(),
  DATABASE_URL: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z
      .string()
      .regex(/^postgres(ql)?:\/\//)
      .optional(),
  ),
})

const TARGETS = { chatP99Ms: 50, expiryLagP99Ms: 1000, extensionP99Ms: 100, monitorPassMs: 50 }
// Enough for the expiries to be written before the first one falls due.
const EXPIRY_LEAD_MS = 2000
const CONNECT_CONCURRENCY = 50
const JOIN_CONCURRENCY = 25

type Config = z.infer<typeof configSchema>

async function main(): Promise<void> {
  const config = configSchema.parse(process.env)
  const startedAt = new Date()
  const loadBefore = os.loadavg()
  const database = await openBenchDatabase(config.DATABASE_URL)
  progress(`database: ${JSON.stringify(database.description)}`)
  const fleet = startClientFleet()
  try {
    const context = await initContext({ database: database.handle })
    const { env } = context
    if (config.BENCH_ONLY === 'sign-in') {
      const signIn = await measureSignIn(config.BENCH_SIGN_INS)
      const result = {
        benchmark: 'autodoctor sign-in: server-side time of POST /api/auth/sign-in/email',
        startedAt: startedAt.toISOString(),
        durationSeconds: elapsedSeconds(),
        machine: machineFacts(loadBefore),
        database: database.description,
        signIn,
      }
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
      return
    }
    if (config.BENCH_ONLY === 'monitor') {
      const monitor = await measureMonitor(database.handle, config.BENCH_MONITOR_SESSIONS)
      const result = {
        benchmark: 'autodoctor session monitor: one pass over mixed sessions',
        startedAt: startedAt.toISOString(),
        durationSeconds: elapsedSeconds(),
        machine: machineFacts(loadBefore),
        database: database.description,
        monitor,
        targets: { monitorPassMs: TARGETS.monitorPassMs },
        targetMet: { monitorSteadyPass: monitorTargetMet(monitor) },
      }
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
      return
    }
    progress(`arranging ${config.BENCH_SESSIONS} accepted sessions and their participants`)
    const arranged = await arrangeAcceptedSessions(config.BENCH_SESSIONS)
    const fleetSessions: FleetSession[] = arranged.map((session, index) => ({
      sessionId: session.sessionId,
      customerKey: `c${index}`,
      mechanicKey: `m${index}`,
    }))

    const baseline = await measureBareRelay(fleet, config, fleetSessions, env.SWEEP_INTERVAL_MS)
    const ours = await measureOurServer(fleet, config, arranged, fleetSessions, {
      sweepIntervalMs: env.SWEEP_INTERVAL_MS,
      pool: database.handle.pool,
      env,
    })

    // Last, so its 100,000 rows do not weigh on the realtime figures above.
    const monitor = await measureMonitor(database.handle, config.BENCH_MONITOR_SESSIONS)
    // Its own production server and data directory: nothing shared with the runs above.
    const uploads = await measureUploads()

    const chatOurs = chatFigures(ours.chat)
    const chatBaseline = chatFigures(baseline.chat)
    const expiry = ours.expiry
    const result = {
      benchmark:
        'autodoctor realtime and uploads: chat fan-out, extension broadcast, expiry lag, file uploads',
      startedAt: startedAt.toISOString(),
      durationSeconds: elapsedSeconds(),
      machine: machineFacts(loadBefore),
      database: database.description,
      config: {
        sessions: config.BENCH_SESSIONS,
        sockets: config.BENCH_SESSIONS * 2,
        messagesPerSender: config.BENCH_MESSAGES_PER_SENDER,
        messageIntervalMs: config.BENCH_MESSAGE_INTERVAL_MS,
        steadyMessagesPerSecond: round(
          (config.BENCH_SESSIONS * 2 * 1000) / config.BENCH_MESSAGE_INTERVAL_MS,
        ),
        sweepIntervalMs: env.SWEEP_INTERVAL_MS,
        presenceGraceSeconds: env.PRESENCE_GRACE_SECONDS,
        expiryWindowMs: config.BENCH_EXPIRY_WINDOW_MS,
        clients: 'socket.io-client in a worker thread of this process, websocket transport',
        arrangement:
          'users, approved mechanic profiles and accepted sessions inserted directly; session cookies made by better-auth testUtils on a bench-only auth instance with the app options; sessions go live through the real session:join; expires_at moved into the window directly',
      },
      chat: {
        latency: 'chat:send emitted → chat:message received by the other participant',
        ours: { ...chatOurs, setup: ours.setup, eventsReceived: ours.chatEvents },
        baseline: {
          ...chatBaseline,
          setup: baseline.setup,
          server: 'bare Socket.IO relay in this process: same rooms and events, no auth, no DB',
        },
        ...compare(chatOurs.latencyMs, chatBaseline.latencyMs),
      },
      extension: {
        ...ours.extension,
        baseline:
          'the chat baseline above: the bare relay delivering one event to a room, no DB (same clients)',
        baselineP99Ms: chatBaseline.latencyMs.p99,
      },
      expiry: {
        ...expiry,
        baseline: {
          server:
            'bare Socket.IO relay with a timer pass every sweepIntervalMs and no DB: the floor set by the interval alone',
          clientLagMs: baseline.expiry.clientLagMs,
          clientsWithEnded: baseline.expiry.clientsWithEnded,
          serverEventLoopDelayMs: baseline.expiry.serverEventLoopDelayMs,
        },
        clientP99OverBaselineMs:
          expiry.clientLagMs.p99 === null || baseline.expiry.clientLagMs.p99 === null
            ? null
            : round(expiry.clientLagMs.p99 - baseline.expiry.clientLagMs.p99),
      },
      monitor,
      targets: TARGETS,
      targetMet: {
        monitorSteadyPass: monitorTargetMet(monitor),
        chatP99: chatOurs.complete && (chatOurs.latencyMs.p99 ?? Infinity) <= TARGETS.chatP99Ms,
        expiryDbLagP99:
          expiry.allEndedOnce && (expiry.dbLagMs.p99 ?? Infinity) <= TARGETS.expiryLagP99Ms,
        expiryClientLagP99:
          expiry.allEndedOnce && (expiry.clientLagMs.p99 ?? Infinity) <= TARGETS.expiryLagP99Ms,
        extensionP99:
          ours.extension.webhookFailures === 0 &&
          ours.extension.clientsWithExtended === ours.extension.clientsExpected &&
          ours.extension.clientsWithDuplicateExtended === 0 &&
          (ours.extension.latencyMs.p99 ?? Infinity) <= TARGETS.extensionP99Ms,
        uploads: uploads.targetMet,
      },
      uploads,
    }
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
  } finally {
    await fleet.terminate().catch(() => {})
    await closeContext().catch(() => {})
    await database.dispose()
    progress('cleaned up')
  }
}

function machineFacts(loadBefore: number[]) {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    node: process.version,
    loadAverage1mBefore: round(loadBefore[0] ?? 0),
    loadAverage1mAfter: round(os.loadavg()[0] ?? 0),
  }
}

function monitorTargetMet(monitor: Awaited<ReturnType<typeof measureMonitor>>): boolean {
  return (monitor.steadyPassMs.p50 ?? Infinity) <= TARGETS.monitorPassMs
}

async function measureBareRelay(
  fleet: ClientFleet,
  config: Config,
  sessions: FleetSession[],
  sweepIntervalMs: number,
) {
  progress('baseline: starting the bare Socket.IO relay')
  const relay = await startBareRelay()
  try {
    const clients = sessions.flatMap((s) => [{ key: s.customerKey }, { key: s.mechanicKey }])
    const setup = await connectAndJoin(fleet, relay.url, clients, sessions)
    const chat = await runChat(fleet, config, sessions, 'baseline')
    progress('baseline: ending every room on a timer pass')
    const expiries = planExpiries(sessions, config)
    await fleet.run('resetCounts', {})
    const { result: receipts, eventLoopDelayMs } = await measureEventLoop(async () => {
      await relay.endOnTime(expiries, sweepIntervalMs, windowTimeout(config))
      return fleet.run('awaitEnded', { expected: clients.length, timeoutMs: 5_000, settleMs: 500 })
    })
    return {
      setup,
      chat,
      expiry: { ...clientLag(receipts, expiries), serverEventLoopDelayMs: eventLoopDelayMs },
    }
  } finally {
    await fleet.run('disconnectAll', {}).catch(() => {})
    await relay.close()
  }
}

async function measureOurServer(
  fleet: ClientFleet,
  config: Config,
  arranged: ArrangedSession[],
  sessions: FleetSession[],
  options: {
    sweepIntervalMs: number
    pool: Parameters<typeof createAppSocketServer>[1]['pool']
    env: Parameters<typeof createAppSocketServer>[1]['env']
  },
) {
  progress('ours: starting the socket server and the background loops')
  const httpServer = createServer()
  const sockets = createAppSocketServer(httpServer, { env: options.env, pool: options.pool })
  // The same loops, at the same interval, as a production server runs them.
  const loops = startLoops({
    sweepIntervalMs: options.sweepIntervalMs,
    jobIntervalMs: options.env.JOB_INTERVAL_MS,
  })
  try {
    const url = await listen(httpServer)
    const clients: FleetClient[] = arranged.flatMap((session, index) => [
      { key: `c${index}`, cookie: session.customer.cookie },
      { key: `m${index}`, cookie: session.mechanic.cookie },
    ])
    const setup = await connectAndJoin(fleet, url, clients, sessions)
    const sessionIds = arranged.map((session) => session.sessionId)
    const live = (await readSessions(sessionIds)).filter((row) => row.status === 'live').length
    progress(`ours: ${live} of ${sessionIds.length} sessions are live`)
    if (live !== sessionIds.length) throw new Error(`only ${live} sessions went live`)

    await fleet.run('resetCounts', {})
    const chat = await runChat(fleet, config, sessions, 'ours')
    const chatEvents = await fleet.run('counts', {})
    const extension = await measureExtensions(
      fleet,
      arranged,
      Math.min(config.BENCH_EXTENSIONS, arranged.length),
    )

    progress(
      `ours: ${sessionIds.length} sessions run out within ${config.BENCH_EXPIRY_WINDOW_MS} ms`,
    )
    const expiries = planExpiries(sessions, config)
    await fleet.run('resetCounts', {})
    const { result: receipts, eventLoopDelayMs } = await measureEventLoop(async () => {
      await arrangeExpiries(expiries)
      return fleet.run('awaitEnded', {
        expected: clients.length,
        timeoutMs: windowTimeout(config),
        settleMs: 1000,
      })
    })
    const expiryEvents = await fleet.run('counts', {})
    const rows = await readSessions(sessionIds)
    const dbLags: number[] = []
    const statuses: Record<string, number> = {}
    for (const row of rows) {
      statuses[row.status] = (statuses[row.status] ?? 0) + 1
      if (row.endedAt && row.expiresAt) dbLags.push(row.endedAt.getTime() - row.expiresAt.getTime())
    }
    const lag = clientLag(receipts, expiries)
    const expiry = {
      sessions: sessionIds.length,
      statuses,
      endReasons: countBy(rows.map((row) => row.endReason ?? 'none')),
      dbLag: 'ended_at − expires_at, from the database',
      dbLagMs: summarize(dbLags),
      clientLag: 'session:ended received by each participant − expires_at',
      ...lag,
      allEndedOnce:
        dbLags.length === sessionIds.length &&
        lag.clientsWithEnded === clients.length &&
        lag.clientsWithDuplicateEnded === 0,
      eventsReceived: expiryEvents,
      serverEventLoopDelayMs: eventLoopDelayMs,
    }
    return { setup, chat, chatEvents, extension, expiry }
  } finally {
    await loops.stop()
    await fleet.run('disconnectAll', {}).catch(() => {})
    await sockets.close()
    await closeServer(httpServer)
  }
}

async function connectAndJoin(
  fleet: ClientFleet,
  url: string,
  clients: FleetClient[],
  sessions: FleetSession[],
) {
  const label = clients[0]?.cookie ? 'ours' : 'baseline'
  progress(`${label}: connecting ${clients.length} sockets`)
  const connected = await fleet.run('connect', { url, clients, concurrency: CONNECT_CONCURRENCY })
  if (connected.failed > 0) {
    throw new Error(`${connected.failed} sockets failed to connect: ${connected.errors.join('; ')}`)
  }
  progress(`${label}: joining ${sessions.length} rooms (customer, then mechanic)`)
  const joined = await fleet.run('join', { sessions, concurrency: JOIN_CONCURRENCY })
  if (joined.failed > 0) {
    throw new Error(`${joined.failed} joins failed: ${joined.errors.join('; ')}`)
  }
  return { connectMs: Math.round(connected.ms), joinMs: Math.round(joined.ms) }
}

async function runChat(
  fleet: ClientFleet,
  config: Config,
  sessions: FleetSession[],
  label: string,
): Promise<ChatRun> {
  progress(
    `${label}: chat, ${config.BENCH_MESSAGES_PER_SENDER} messages per participant every ${config.BENCH_MESSAGE_INTERVAL_MS} ms`,
  )
  const { result: chat, eventLoopDelayMs } = await measureEventLoop(() =>
    fleet.run('chat', {
      sessions,
      messagesPerSender: config.BENCH_MESSAGES_PER_SENDER,
      intervalMs: config.BENCH_MESSAGE_INTERVAL_MS,
      drainMs: 15_000,
    }),
  )
  progress(`${label}: ${chat.received} of ${chat.expected} messages delivered`)
  // Let the last acknowledgements and presence work settle before the next phase.
  await sleep(500)
  return { chat, eventLoopDelayMs }
}

type ChatRun = { chat: ChatResult; eventLoopDelayMs: EventLoopDelay }

function chatFigures({ chat, eventLoopDelayMs }: ChatRun) {
  return {
    latencyMs: summarize(chat.latenciesMs),
    ackMs: summarize(chat.ackMs),
    expected: chat.expected,
    delivered: chat.received,
    duplicates: chat.duplicates,
    ackFailures: chat.ackFailures,
    ackErrors: chat.ackErrors,
    complete: chat.received === chat.expected && chat.ackFailures === 0,
    // Over the whole send window, ramp-up and ramp-down of the staggered beats included.
    meanMessagesPerSecond: round((chat.sent * 1000) / Math.max(1, chat.sendWindowMs)),
    serverEventLoopDelayMs: eventLoopDelayMs,
  }
}

/** Expiry times spread evenly over the window, which starts shortly from now. */
function planExpiries(sessions: FleetSession[], config: Config) {
  const windowStart = Date.now() + EXPIRY_LEAD_MS
  const step = config.BENCH_EXPIRY_WINDOW_MS / Math.max(1, sessions.length)
  return sessions.map((session, index) => ({
    sessionId: session.sessionId,
    expiresAt: new Date(Math.round(windowStart + index * step)),
  }))
}

function windowTimeout(config: Config): number {
  return EXPIRY_LEAD_MS + config.BENCH_EXPIRY_WINDOW_MS + 60_000
}

function clientLag(receipts: EndedReceipt[], expiries: { sessionId: string; expiresAt: Date }[]) {
  const expiresAt = new Map(expiries.map((e) => [e.sessionId, e.expiresAt.getTime()]))
  const lags: number[] = []
  for (const receipt of receipts) {
    const due = expiresAt.get(receipt.sessionId)
    if (due !== undefined) lags.push(receipt.at - due)
  }
  return {
    clientLagMs: summarize(lags),
    clientsWithEnded: receipts.length,
    clientsWithDuplicateEnded: receipts.filter((receipt) => receipt.count > 1).length,
  }
}

function countBy(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1
  return counts
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
}

function round(value: number): number {
  return Math.round(value * 100) / 100
}

main().then(
  () => {
    progress('done')
  },
  (error: unknown) => {
    progress(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
    process.exitCode = 1
  },
)
