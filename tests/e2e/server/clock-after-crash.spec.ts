import { expect, test } from '@playwright/test'
import {
  delay,
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
} from '../support/socket-participants'

// Two production servers start one after the other on one data directory; each may take two
// minutes on a busy machine.
test.describe.configure({ timeout: 360_000 })

// How long no server runs. Long enough that a clock charging for it cannot hide in the tolerances
// below (it would also pay for the restart itself, many more seconds on any machine).
const DOWNTIME_MS = 8_000
// An instance writes its heartbeat every 2 s; the paused clock is backdated to the dead process's
// last one, so the customer may get up to that much back on top of the downtime, never more.
const HEARTBEAT_MS = 2_000
// Reading the remaining time, then killing; and the resume, then the snapshot that reports it:
// each a few milliseconds of running clock, far below a second even on a loaded machine.
const TOLERANCE_MS = 1_000

test('a crash does not charge the customer for the time no server ran', async () => {
  const dataDir = makeDataDir('clock-crash')
  const servers: ProductionServer[] = []
  try {
    const port = await freePort()
    const env = { LOG_LEVEL: 'warn' }
    const first = await startProductionServer({ port, dataDir, env })
    servers.push(first)
    const { sessionId, customer, mechanic } = await liveSession(first, first)

    const before = await readSession(first, customer, sessionId)
    expectStatus(before, 200)
    expect(before.body.state.status).toBe('live')
    first.child.kill('SIGKILL')
    await first.exited
    customer.socket?.close()
    mechanic.socket?.close()

    // The outage under test: nothing runs for a while.
    await delay(DOWNTIME_MS)
    const second = await startProductionServer({ port, dataDir, env })
    servers.push(second)

    // Both come back (the browser's socket reconnects by itself and joins the room again).
    await connect(second, customer)
    await connect(second, mechanic)
    await join(customer, sessionId)
    const resumed = await join(mechanic, sessionId)
    expect(resumed.status).toBe('live')

    const charged = before.body.state.remainingMs - resumed.remainingMs
    test.info().annotations.push({
      type: 'measured',
      description: `remaining time lost across the crash and restart: ${charged} ms`,
    })
    expect(charged, 'remaining time lost across the crash (ms)').toBeLessThanOrEqual(TOLERANCE_MS)
    expect(charged, 'time given back beyond the downtime (ms)').toBeGreaterThanOrEqual(
      -(HEARTBEAT_MS + TOLERANCE_MS),
    )
    customer.socket?.close()
    mechanic.socket?.close()
  } finally {
    for (const server of servers) await server.stop()
    removeDataDir(dataDir)
  }
})
