import { expect, test } from '@playwright/test'
import type { SessionState } from '@/features/realtime/contract'
import { createTestDatabase, type TestDatabase } from '../../support/postgres'
import {
  freePort,
  makeDataDir,
  type ProductionServer,
  removeDataDir,
  startProductionServer,
} from '../support/production-server'
import {
  connect,
  expectStatus,
  join,
  liveSession,
  readSession,
  waitFor,
} from '../support/socket-participants'

// Two production servers start on one machine.
test.describe.configure({ timeout: 360_000 })

const AUTH_SECRET = 'instance-loss-shares-this-secret-0123456789'
// A request to the survivor must never wait on the dead peer for long: the adapter's own default
// is 5 s, ours 1 s; the rest is margin for a machine running two suites at once.
const FAST_ANSWER_MS = 4_000
// Instances write a heartbeat every 2 s and count as gone 6 s after their last one; the survivor
// looks on every heartbeat, so the loss is acted on within 8 s of the kill. The rest is margin for
// a busy machine (late timers, one more heartbeat, and the pass that pauses the clock).
const NOTICED_WITHIN_MS = 16_000
const HEARTBEAT_MS = 2_000
const TOLERANCE_MS = 1_000

type Instance = { server: ProductionServer; dataDir: string }

async function startInstance(label: string, databaseUrl: string): Promise<Instance> {
  const dataDir = makeDataDir(label)
  try {
    const server = await startProductionServer({
      port: await freePort(),
      dataDir,
      env: { DATABASE_URL: databaseUrl, AUTH_SECRET, SEED_DEMO_USERS: 'true', LOG_LEVEL: 'warn' },
    })
    return { server, dataDir }
  } catch (error) {
    removeDataDir(dataDir)
    throw error
  }
}

test('when an instance dies, the other pauses its participants’ clocks and keeps answering', async () => {
  const database: TestDatabase = await createTestDatabase('autodoctor_e2e_loss')
  const instances: Instance[] = []
  try {
    const started = await Promise.allSettled([
      startInstance('loss-a', database.url),
      startInstance('loss-b', database.url),
    ])
    for (const result of started) if (result.status === 'fulfilled') instances.push(result.value)
    for (const result of started) if (result.status === 'rejected') throw result.reason
    const [a, b] = instances.map((instance) => instance.server) as [
      ProductionServer,
      ProductionServer,
    ]

    // The customer is connected to A, the mechanic to B.
    const { sessionId, customer, mechanic } = await liveSession(a, b)
    const before = await readSession(b, mechanic, sessionId)
    expectStatus(before, 200)
    expect(before.body.state.status).toBe('live')

    const killedAt = Date.now()
    a.child.kill('SIGKILL')
    await a.exited
    customer.socket?.close()

    // B answers every read at once while A is dead, and soon reports the clock paused.
    let state: SessionState = before.body.state
    let slowestMs = 0
    while (state.status === 'live' && Date.now() - killedAt < NOTICED_WITHIN_MS + 10_000) {
      const read = await readSession(b, mechanic, sessionId)
      expectStatus(read, 200)
      slowestMs = Math.max(slowestMs, read.ms)
      expect(read.ms, 'GET /api/sessions/{id} on the survivor (ms)').toBeLessThan(FAST_ANSWER_MS)
      state = read.body.state
    }
    const noticedAfter = Date.now() - killedAt
    test.info().annotations.push({
      type: 'measured',
      description: `paused ${noticedAfter} ms after the kill; slowest read on B ${slowestMs} ms`,
    })
    expect(state.status).toBe('reconnecting')
    expect(noticedAfter, 'kill -9 to a paused clock (ms)').toBeLessThanOrEqual(NOTICED_WITHIN_MS)
    // The mechanic's room hears it too.
    await waitFor<SessionState>(
      mechanic,
      'session:state',
      (s) => s.sessionId === sessionId && s.status === 'reconnecting',
    )

    // Paused from A's last heartbeat: the clock stands still from (about) the kill on.
    const pausedAt = Date.parse(state.pausedAt ?? '')
    expect(pausedAt).toBeLessThanOrEqual(killedAt + TOLERANCE_MS)
    expect(pausedAt).toBeGreaterThanOrEqual(killedAt - HEARTBEAT_MS - TOLERANCE_MS)
    const frozen = await readSession(b, mechanic, sessionId)
    expect(frozen.body.state.remainingMs).toBe(state.remainingMs)

    // The customer comes back through B: the clock resumes with the lost time given back.
    await connect(b, customer)
    const resumed = await join(customer, sessionId)
    expect(resumed.status).toBe('live')
    const elapsedBeforeKill = killedAt - Date.parse(before.body.state.serverNow)
    const charged = before.body.state.remainingMs - resumed.remainingMs
    expect(charged, 'remaining time lost to the dead instance (ms)').toBeLessThanOrEqual(
      elapsedBeforeKill + TOLERANCE_MS,
    )
    customer.socket?.close()
    mechanic.socket?.close()
  } finally {
    for (const instance of instances) await instance.server.stop()
    for (const instance of instances) removeDataDir(instance.dataDir)
    await database.drop()
  }
})
