import { expect } from '@playwright/test'
import { io, type Socket } from 'socket.io-client'
import type { Ack, JoinResult, SessionState } from '@/features/realtime/contract'
import { demo, uniqueEmail } from './accounts'
import {
  delay,
  freePort,
  makeDataDir,
  type ProductionServer,
  removeDataDir,
  startProductionServer,
} from './production-server'

/** One production server of several sharing a database, and its data directory. */
export type Instance = { server: ProductionServer; dataDir: string }

/** Someone with a socket on one instance, and everything that socket has received. */
export type Participant = {
  cookie: string
  socket?: Socket
  received: { event: string; payload: unknown }[]
}

/** A JSON request to one instance, with that instance's Origin (every write must carry it). */
export async function call<T>(
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

export function expectStatus(result: { status: number; body: unknown }, status: number): void {
  expect(result.status, JSON.stringify(result.body)).toBe(status)
}

/** One socket per participant, as the browser opens it: the session cookie and our Origin. */
export async function connect(server: ProductionServer, participant: Participant): Promise<Socket> {
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

export function receivedOf<T>(participant: Participant, event: string): T[] {
  return participant.received
    .filter((item) => item.event === event)
    .map((item) => item.payload as T)
}

/** The first payload of `event` (received already or yet to come) that matches. */
export async function waitFor<T>(
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

export function ack<T>(socket: Socket, event: string, payload: unknown): Promise<Ack<T>> {
  return socket.timeout(10_000).emitWithAck(event, payload) as Promise<Ack<T>>
}

/** A production server on `databaseUrl`; instances given the same `authSecret` share cookies. */
export async function startInstance(
  label: string,
  databaseUrl: string,
  env: Record<string, string>,
): Promise<Instance> {
  const dataDir = makeDataDir(label)
  try {
    const server = await startProductionServer({
      port: await freePort(),
      dataDir,
      env: { DATABASE_URL: databaseUrl, SEED_DEMO_USERS: 'true', LOG_LEVEL: 'warn', ...env },
    })
    return { server, dataDir }
  } catch (error) {
    removeDataDir(dataDir)
    throw error
  }
}

/**
 * A live chat session across two instances: the customer books and pays on `a`, a new mechanic
 * is approved by the demo admin and accepts on `b`, and both join over sockets on their instance.
 */
export async function liveSessionAcross(
  a: ProductionServer,
  b: ProductionServer,
): Promise<{ sessionId: string; customer: Participant; mechanic: Participant }> {
  const signUp = await call(a, '/api/auth/sign-up/email', {
    body: { name: 'Casey Outage', email: uniqueEmail('customer'), password: 'outage-tests-1' },
  })
  expectStatus(signUp, 200)
  const customer: Participant = { cookie: signUp.cookie, received: [] }
  const booking = await call<{ checkout: { checkoutId: string } }>(a, '/api/bookings', {
    cookie: customer.cookie,
    body: {
      plan: 'chat',
      vehicle: { year: 2014, make: 'Honda', model: 'Fit' },
      concern: 'Engine stalls at idle when the air conditioning is on',
    },
  })
  expectStatus(booking, 201)
  expectStatus(
    await call(a, `/api/checkout/local/${booking.body.checkout.checkoutId}/pay`, {
      method: 'POST',
      cookie: customer.cookie,
    }),
    200,
  )
  const mine = await call<{ sessions: { id: string }[] }>(a, '/api/sessions', {
    cookie: customer.cookie,
  })
  expectStatus(mine, 200)
  const sessionId = mine.body.sessions[0]?.id ?? ''

  const application = await call<{ mechanic: { id: string } }>(b, '/api/mechanics/apply', {
    body: {
      name: 'Morgan Outage',
      email: uniqueEmail('mechanic'),
      password: 'outage-tests-2',
      yearsExperience: 7,
      specialties: ['Engine'],
    },
  })
  expectStatus(application, 201)
  const mechanic: Participant = { cookie: application.cookie, received: [] }
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
  expectStatus(
    await call(b, `/api/sessions/${sessionId}/accept`, { method: 'POST', cookie: mechanic.cookie }),
    200,
  )

  const customerSocket = await connect(a, customer)
  const mechanicSocket = await connect(b, mechanic)
  expect(await ack<JoinResult>(customerSocket, 'session:join', { sessionId })).toMatchObject({
    ok: true,
  })
  expect(await ack<JoinResult>(mechanicSocket, 'session:join', { sessionId })).toMatchObject({
    ok: true,
  })
  const isLive = (state: SessionState) => state.status === 'live'
  await waitFor(customer, 'session:state', isLive)
  await waitFor(mechanic, 'session:state', isLive)
  return { sessionId, customer, mechanic }
}
