import { expect, test } from '@playwright/test'
import type { Socket } from 'socket.io-client'
import type { ChatMessage, SessionEndedEvent } from '@/features/realtime/contract'
import {
  ack,
  call,
  expectStatus,
  type Instance,
  liveSessionAcross,
  type Participant,
  startInstance,
  waitFor,
} from '../support/instances'
import { type OwnedPostgres, startOwnedPostgres } from '../support/postgres-cluster'
import { delay, type ProductionServer, removeDataDir } from '../support/production-server'

// Two production servers and a PostgreSQL server of its own start on one machine, then the
// database is down for OUTAGE_MS and every instance has to find its way back.
test.describe.configure({ timeout: 420_000 })

const OUTAGE_MS = 20_000
// Generous: after the database is back, each instance reconnects within a few seconds.
const RECOVERY_MS = 60_000
const AUTH_SECRET = 'database-outage-shares-this-secret-0123456789'

type HealthAnswer = { status: number; body: { status?: string; db?: string; realtime?: string } }

async function health(server: ProductionServer): Promise<HealthAnswer> {
  try {
    const response = await fetch(`${server.url}/api/health`)
    return { status: response.status, body: await response.json() }
  } catch (error) {
    // A process that died answers nothing; the polls below then time out with this.
    return { status: 0, body: { status: `unreachable: ${String(error)}` } }
  }
}

/** Sends `count` messages from one side and waits until the other side has every one of them. */
async function crossesOver(
  sessionId: string,
  from: Participant,
  to: Participant,
  label: string,
  count: number,
): Promise<void> {
  const clientIds = Array.from({ length: count }, (_, index) => `${label}-${index}`)
  for (const clientId of clientIds) {
    const sent = await ack<ChatMessage>(from.socket as Socket, 'chat:send', {
      sessionId,
      clientId,
      body: `Message ${clientId} after the outage`,
    })
    expect(sent.ok, JSON.stringify(sent)).toBe(true)
  }
  for (const clientId of clientIds) {
    await waitFor<ChatMessage>(to, 'chat:message', (m) => m.clientId === clientId, 30_000)
  }
}

test('a database outage under two instances: both report it, recover by themselves, and events cross again', async () => {
  const postgres: OwnedPostgres = await startOwnedPostgres('outage')
  const instances: Instance[] = []
  const participants: Participant[] = []
  try {
    const started = await Promise.allSettled([
      startInstance('outage-a', postgres.url, { AUTH_SECRET }),
      startInstance('outage-b', postgres.url, { AUTH_SECRET }),
    ])
    for (const result of started) if (result.status === 'fulfilled') instances.push(result.value)
    for (const result of started) if (result.status === 'rejected') throw result.reason
    const servers = instances.map((instance) => instance.server)
    const [a, b] = servers as [ProductionServer, ProductionServer]

    const { sessionId, customer, mechanic } = await liveSessionAcross(a, b)
    participants.push(customer, mechanic)
    const customerSocket = customer.socket as Socket
    const mechanicSocket = mechanic.socket as Socket
    await crossesOver(sessionId, customer, mechanic, 'before', 1)

    // The database goes away. Both instances say so, and keep their clients' sockets.
    await postgres.stop()
    const downAt = Date.now()
    const duringOutage: HealthAnswer[] = []
    for (const server of servers) {
      await expect
        .poll(async () => (await health(server)).status, { timeout: RECOVERY_MS })
        .toBe(503)
      duringOutage.push(await health(server))
    }
    await delay(Math.max(0, OUTAGE_MS - (Date.now() - downAt)))
    await postgres.start()

    // Both come back to a full health report by themselves.
    for (const server of servers) {
      await expect
        .poll(async () => (await health(server)).body.status, { timeout: RECOVERY_MS })
        .toBe('ok')
    }
    expect(customerSocket.connected && mechanicSocket.connected).toBe(true)

    // Messages cross between the instances again, both ways.
    await crossesOver(sessionId, customer, mechanic, 'a-to-b', 10)
    await crossesOver(sessionId, mechanic, customer, 'b-to-a', 10)

    // Ending the session on A reaches the mechanic on B.
    const ended = await call<{ session: { status: string } }>(a, `/api/sessions/${sessionId}/end`, {
      method: 'POST',
      cookie: customer.cookie,
    })
    expectStatus(ended, 200)
    const isThisSession = (event: SessionEndedEvent) => event.sessionId === sessionId
    const atMechanic = await waitFor(mechanic, 'session:ended', isThisSession, 30_000)
    const atCustomer = await waitFor(customer, 'session:ended', isThisSession, 30_000)
    expect(atMechanic).toEqual(atCustomer)

    // What the health check said while the database was down.
    for (const answer of duringOutage) {
      expect(answer.body).toMatchObject({ status: 'degraded', db: 'down', realtime: 'degraded' })
    }
    for (const server of servers) {
      expect((await health(server)).body).toMatchObject({ status: 'ok', db: 'ok', realtime: 'ok' })
    }
  } finally {
    for (const participant of participants) participant.socket?.close()
    await Promise.all(instances.map((instance) => instance.server.stop()))
    for (const instance of instances) removeDataDir(instance.dataDir)
    await postgres.destroy()
  }
})
