import { expect } from '@playwright/test'
import { io, type Socket } from 'socket.io-client'
import type { Ack, JoinResult, SessionState } from '@/features/realtime/contract'
import { demo, uniqueEmail } from './accounts'
import { delay, type ProductionServer } from './production-server'
import { vehicle } from './requests'

/**
 * People in a session room driven as Socket.IO clients against production servers started by the
 * spec itself (servers that get killed, or several sharing one database): the socket the browser
 * opens, with the session cookie and our Origin, without a browser to keep alive across crashes.
 */

export type Participant = {
  cookie: string
  socket?: Socket
  received: { event: string; payload: unknown }[]
}

export type Call<T> = { status: number; body: T; cookie: string; ms: number }

/** A JSON request to one server, with that server's Origin (every write must carry it). */
export async function call<T>(
  server: ProductionServer,
  path: string,
  options: { method?: string; body?: unknown; cookie?: string } = {},
): Promise<Call<T>> {
  const headers: Record<string, string> = { origin: server.url }
  if (options.body !== undefined) headers['content-type'] = 'application/json'
  if (options.cookie) headers.cookie = options.cookie
  const started = Date.now()
  const response = await fetch(`${server.url}${path}`, {
    method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  })
  const text = await response.text()
  const ms = Date.now() - started
  const cookie = response.headers
    .getSetCookie()
    .map((value) => value.split(';')[0] ?? '')
    .filter((pair) => pair && !pair.endsWith('='))
    .join('; ')
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T, cookie, ms }
}

export function expectStatus(result: { status: number; body: unknown }, status: number): void {
  expect(result.status, JSON.stringify(result.body)).toBe(status)
}

/** Opens the participant's socket on a server (closing the one they had) and waits for it. */
export async function connect(server: ProductionServer, participant: Participant): Promise<Socket> {
  participant.socket?.close()
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

export function ack<T>(socket: Socket, event: string, payload: unknown): Promise<Ack<T>> {
  return socket.timeout(10_000).emitWithAck(event, payload) as Promise<Ack<T>>
}

/** Joins the session's room and returns the snapshot the join answered with. */
export async function join(participant: Participant, sessionId: string): Promise<SessionState> {
  if (!participant.socket) throw new Error('connect the participant first')
  const joined = await ack<JoinResult>(participant.socket, 'session:join', { sessionId })
  if (!joined.ok) throw new Error(`join failed: ${JSON.stringify(joined)}`)
  return joined.data.state
}

export async function waitFor<T>(
  participant: Participant,
  event: string,
  match: (payload: T) => boolean,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const found = participant.received
      .filter((item) => item.event === event)
      .map((item) => item.payload as T)
      .find(match)
    if (found !== undefined) return found
    await delay(50)
  }
  throw new Error(`no matching ${event} within ${timeoutMs} ms`)
}

/**
 * A paid chat request booked by a new customer on `customerServer`, accepted by a new approved
 * mechanic on `mechanicServer` (the same server or another sharing its database), with both in
 * the room on their own server: the session is live and its clock runs.
 */
export async function liveSession(
  customerServer: ProductionServer,
  mechanicServer: ProductionServer,
): Promise<{ sessionId: string; customer: Participant; mechanic: Participant }> {
  const signUp = await call<{ user: { id: string } }>(customerServer, '/api/auth/sign-up/email', {
    body: { name: 'Casey Clock', email: uniqueEmail('customer'), password: 'paid-minutes-1' },
  })
  expectStatus(signUp, 200)
  const customer: Participant = { cookie: signUp.cookie, received: [] }
  const booking = await call<{ checkout: { checkoutId: string } }>(
    customerServer,
    '/api/bookings',
    {
      cookie: customer.cookie,
      body: { plan: 'chat', vehicle, concern: 'The engine cuts out when the fan comes on' },
    },
  )
  expectStatus(booking, 201)
  expectStatus(
    await call(customerServer, `/api/checkout/local/${booking.body.checkout.checkoutId}/pay`, {
      method: 'POST',
      cookie: customer.cookie,
    }),
    200,
  )
  const mine = await call<{ sessions: { id: string }[] }>(customerServer, '/api/sessions', {
    cookie: customer.cookie,
  })
  const sessionId = mine.body.sessions[0]?.id ?? ''

  const application = await call<{ mechanic: { id: string } }>(
    mechanicServer,
    '/api/mechanics/apply',
    {
      body: {
        name: 'Morgan Clock',
        email: uniqueEmail('mechanic'),
        password: 'paid-minutes-2',
        yearsExperience: 7,
        specialties: ['Electrical'],
      },
    },
  )
  expectStatus(application, 201)
  const mechanic: Participant = { cookie: application.cookie, received: [] }
  const admin = await call(mechanicServer, '/api/auth/sign-in/email', {
    body: { email: demo.admin.email, password: demo.admin.password },
  })
  expectStatus(admin, 200)
  expectStatus(
    await call(mechanicServer, `/api/admin/mechanics/${application.body.mechanic.id}/approve`, {
      method: 'POST',
      cookie: admin.cookie,
    }),
    200,
  )
  expectStatus(
    await call(mechanicServer, `/api/sessions/${sessionId}/accept`, {
      method: 'POST',
      cookie: mechanic.cookie,
    }),
    200,
  )

  await connect(customerServer, customer)
  await connect(mechanicServer, mechanic)
  await join(customer, sessionId)
  await join(mechanic, sessionId)
  const isLive = (state: SessionState) => state.sessionId === sessionId && state.status === 'live'
  await waitFor(customer, 'session:state', isLive)
  await waitFor(mechanic, 'session:state', isLive)
  return { sessionId, customer, mechanic }
}

/** The session as a participant reads it over HTTP, with how long the answer took. */
export function readSession(server: ProductionServer, participant: Participant, sessionId: string) {
  return call<{ state: SessionState }>(server, `/api/sessions/${sessionId}`, {
    cookie: participant.cookie,
  })
}
