import { expect, test } from '@playwright/test'
import pg from 'pg'
import { io, type Socket } from 'socket.io-client'
import type {
  Ack,
  ChatMessage,
  JoinResult,
  LiveVersion,
  SessionEndedEvent,
} from '@/features/realtime/contract'
import { createTestDatabase, type TestDatabase } from '../../support/postgres'
import { demo, uniqueEmail } from '../support/accounts'
import {
  delay,
  freePort,
  makeDataDir,
  type ProductionServer,
  removeDataDir,
  startProductionServer,
} from '../support/production-server'

// Two production servers start on one machine; the clock then has to run out in the test.
test.describe.configure({ timeout: 300_000 })

const SESSION_SECONDS = 8
// Both instances must sign and read the same cookies, as behind a load balancer.
const AUTH_SECRET = 'two-instances-share-this-secret-0123456789'

type Instance = { server: ProductionServer; dataDir: string }
type Participant = {
  cookie: string
  socket?: Socket
  received: { event: string; payload: unknown }[]
}

/** A JSON request to one instance, with that instance's Origin (every write must carry it). */
async function call<T>(
  server: ProductionServer,
  path: string,
  options: { method?: string; body?: unknown; cookie?: string } = {},
): Promise<{ status: number; body: T; cookie: string }> {
  const headers: Record<string, string> = { origin: server.url }
  if (options.body !== undefined) headers['content-type'] = 'application/json'
  if (options.cookie) headers.cookie = options.cookie
  const response = await fetch(`${server.url}${path}`, {
    method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  })
  const text = await response.text()
  const cookie = response.headers
    .getSetCookie()
    .map((value) => value.split(';')[0] ?? '')
    .filter((pair) => pair && !pair.endsWith('='))
    .join('; ')
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T, cookie }
}

function expectStatus(result: { status: number; body: unknown }, status: number): void {
  expect(result.status, JSON.stringify(result.body)).toBe(status)
}

/** One socket per participant, as the browser opens it: the session cookie and our Origin. */
async function connect(server: ProductionServer, participant: Participant): Promise<Socket> {
  const socket = io(server.url, {
    transports: ['websocket'],
    extraHeaders: { cookie: participant.cookie, origin: server.url },
    reconnection: false,
    forceNew: true,
    timeout: 10_000,
  })
  socket.onAny((event: string, payload: unknown) => participant.received.push({ event, payload }))
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve)
    socket.once('connect_error', reject)
  })
  participant.socket = socket
  return socket
}

function receivedOf<T>(participant: Participant, event: string): T[] {
  return participant.received
    .filter((item) => item.event === event)
    .map((item) => item.payload as T)
}

async function waitFor<T>(
  participant: Participant,
  event: string,
  match: (payload: T) => boolean,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const found = receivedOf<T>(participant, event).find(match)
    if (found !== undefined) return found
    await delay(50)
  }
  throw new Error(`no matching ${event} within ${timeoutMs} ms`)
}

function ack<T>(socket: Socket, event: string, payload: unknown): Promise<Ack<T>> {
  return socket.timeout(10_000).emitWithAck(event, payload) as Promise<Ack<T>>
}

async function startInstance(label: string, databaseUrl: string): Promise<Instance> {
  const dataDir = makeDataDir(label)
  try {
    const server = await startProductionServer({
      port: await freePort(),
      dataDir,
      env: {
        DATABASE_URL: databaseUrl,
        AUTH_SECRET,
        SEED_DEMO_USERS: 'true',
        SESSION_SECONDS_OVERRIDE: String(SESSION_SECONDS),
        LOG_LEVEL: 'warn',
      },
    })
    return { server, dataDir }
  } catch (error) {
    removeDataDir(dataDir)
    throw error
  }
}

test('two instances on one database: a session booked on one and taken on the other runs and ends once', async () => {
  const database: TestDatabase = await createTestDatabase('autodoctor_e2e_two')
  const instances: Instance[] = []
  const participants: Participant[] = []
  let exits: (number | null)[] = []
  try {
    // Started side by side: migrations and the demo seed must cope with a concurrent start.
    const started = await Promise.allSettled([
      startInstance('instance-a', database.url),
      startInstance('instance-b', database.url),
    ])
    for (const result of started) if (result.status === 'fulfilled') instances.push(result.value)
    for (const result of started) if (result.status === 'rejected') throw result.reason
    const [a, b] = instances.map((instance) => instance.server) as [
      ProductionServer,
      ProductionServer,
    ]
    expect(a.url).not.toBe(b.url)

    // The customer signs up, books and pays on instance A.
    const signUp = await call<{ user: { id: string } }>(a, '/api/auth/sign-up/email', {
      body: { name: 'Casey Across', email: uniqueEmail('customer'), password: 'two-servers-1' },
    })
    expectStatus(signUp, 200)
    const customer: Participant = { cookie: signUp.cookie, received: [] }
    participants.push(customer)
    const booking = await call<{ checkout: { checkoutId: string } }>(a, '/api/bookings', {
      cookie: customer.cookie,
      body: {
        plan: 'chat',
        vehicle: { year: 2015, make: 'Mazda', model: '3' },
        concern: 'Battery light comes on after a few minutes of driving',
      },
    })
    expectStatus(booking, 201)
    const paid = await call(a, `/api/checkout/local/${booking.body.checkout.checkoutId}/pay`, {
      method: 'POST',
      cookie: customer.cookie,
    })
    expectStatus(paid, 200)
    const mine = await call<{ sessions: { id: string; status: string }[] }>(a, '/api/sessions', {
      cookie: customer.cookie,
    })
    expectStatus(mine, 200)
    const sessionId = mine.body.sessions[0]?.id ?? ''
    expect(mine.body.sessions[0]?.status).toBe('pending')

    // A mechanic applies on instance B and the seeded admin approves them there.
    const application = await call<{ mechanic: { id: string } }>(b, '/api/mechanics/apply', {
      body: {
        name: 'Morgan Across',
        email: uniqueEmail('mechanic'),
        password: 'two-servers-2',
        yearsExperience: 9,
        specialties: ['Electrical'],
      },
    })
    expectStatus(application, 201)
    const mechanic: Participant = { cookie: application.cookie, received: [] }
    participants.push(mechanic)
    const admin = await call(b, '/api/auth/sign-in/email', {
      body: { email: demo.admin.email, password: demo.admin.password },
    })
    expectStatus(admin, 200)
    expectStatus(
      await call(b, `/api/admin/mechanics/${application.body.mechanic.id}/approve`, {
        method: 'POST',
        cookie: admin.cookie,
      }),
      200,
    )

    // The request paid on A is in B's queue, and the mechanic takes it there.
    const queue = await call<{ requests: { sessionId: string }[] }>(b, '/api/queue', {
      cookie: mechanic.cookie,
    })
    expectStatus(queue, 200)
    expect(queue.body.requests.map((request) => request.sessionId)).toContain(sessionId)
    const accepted = await call<{ session: { status: string } }>(
      b,
      `/api/sessions/${sessionId}/accept`,
      { method: 'POST', cookie: mechanic.cookie },
    )
    expectStatus(accepted, 200)
    expect(accepted.body.session.status).toBe('accepted')

    // Customer on A, mechanic on B: presence is read across both servers, so the clock starts.
    const customerSocket = await connect(a, customer)
    const mechanicSocket = await connect(b, mechanic)
    const customerJoin = await ack<JoinResult>(customerSocket, 'session:join', { sessionId })
    expect(customerJoin).toMatchObject({ ok: true, data: { role: 'customer' } })
    const mechanicJoin = await ack<JoinResult>(mechanicSocket, 'session:join', { sessionId })
    expect(mechanicJoin).toMatchObject({ ok: true, data: { role: 'mechanic' } })
    const isLive = (state: { status: string }) => state.status === 'live'
    await waitFor(customer, 'session:state', isLive)
    await waitFor(mechanic, 'session:state', isLive)

    // Each message goes in on one server and comes out of the other.
    const fromCustomer = await ack<ChatMessage>(customerSocket, 'chat:send', {
      sessionId,
      clientId: 'customer-1',
      body: 'The battery light is on again right now.',
    })
    expect(fromCustomer.ok).toBe(true)
    const atMechanic = await waitFor<ChatMessage>(
      mechanic,
      'chat:message',
      (m) => m.clientId === 'customer-1',
    )
    expect(atMechanic).toMatchObject({
      sessionId,
      body: 'The battery light is on again right now.',
    })
    const fromMechanic = await ack<ChatMessage>(mechanicSocket, 'chat:send', {
      sessionId,
      clientId: 'mechanic-1',
      body: 'Check the alternator belt tension first.',
    })
    expect(fromMechanic.ok).toBe(true)
    const atCustomer = await waitFor<ChatMessage>(
      customer,
      'chat:message',
      (m) => m.clientId === 'mechanic-1',
    )
    expect(atCustomer).toMatchObject({
      sessionId,
      body: 'Check the alternator belt tension first.',
    })

    // Both servers run the clock loop; the session still ends once, and each client hears it once.
    const ended = (event: SessionEndedEvent) => event.sessionId === sessionId
    const customerEnded = await waitFor(customer, 'session:ended', ended, 30_000)
    const mechanicEnded = await waitFor(mechanic, 'session:ended', ended, 30_000)
    expect(customerEnded).toMatchObject({ status: 'completed', reason: 'time_up' })
    expect(mechanicEnded).toEqual(customerEnded)
    // A second ending would come from the other server's sweep, through the database's
    // notifications: nothing the test can do is ordered after it, so watching for a bounded time
    // (several 1 s sweeps on both servers) is the honest check here. It cannot fail a correct
    // server, only miss a very late duplicate; the event count below is the exact check.
    await delay(3_000)
    expect(receivedOf<SessionEndedEvent>(customer, 'session:ended').filter(ended)).toHaveLength(1)
    expect(receivedOf<SessionEndedEvent>(mechanic, 'session:ended').filter(ended)).toHaveLength(1)

    const client = new pg.Client({ connectionString: database.url })
    await client.connect()
    try {
      const endings = await client.query<{ count: number }>(
        `select count(*)::int as count from events
         where subject_id = $1 and data->>'to' in ('completed')`,
        [sessionId],
      )
      expect(endings.rows[0]?.count).toBe(1)
    } finally {
      await client.end()
    }

    // SIGTERM of A drops A's connections only: the mechanic's socket on B stays up and answers.
    let mechanicDropped = false
    mechanicSocket.on('disconnect', () => {
      mechanicDropped = true
    })
    expect(await a.stop()).toBe(0)
    const afterStop = await ack<LiveVersion>(mechanicSocket, 'live:version', { kind: 'mine' })
    expect(afterStop.ok).toBe(true)
    expect(mechanicDropped).toBe(false)
  } finally {
    for (const participant of participants) participant.socket?.close()
    exits = await Promise.all(instances.map((instance) => instance.server.stop()))
    for (const instance of instances) removeDataDir(instance.dataDir)
    await database.drop()
  }
  // SIGTERM: both finish their work, close sockets, loops and the pool, and exit cleanly.
  expect(exits).toEqual([0, 0])
})
