import { randomUUID } from 'node:crypto'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { and, asc, eq } from 'drizzle-orm'
import { type Socket as ClientSocket, io as connectSocket } from 'socket.io-client'
import { POST as createBooking } from '@/app/api/bookings/route'
import { POST as acceptRoute } from '@/app/api/sessions/[id]/accept/route'
import { POST as webhookRoute } from '@/app/api/webhooks/stripe/route'
import { checkouts, events, type Role, sessions, users } from '@/db/schema'
import type { PlanId } from '@/features/catalogue/catalogue'
import { runDueJobs } from '@/features/jobs/run-due-jobs'
import { buildCompletedEvent } from '@/features/payments/pay-local-checkout'
import { paymentsProvider } from '@/features/payments/provider'
import { signWebhookPayload } from '@/features/payments/verify-webhook'
import type { Ack, JoinResult } from '@/features/realtime/contract'
import type { SessionStatus } from '@/features/sessions/statuses'
import { createAppSocketServer } from '@/server/create-app-socket-server'
import { jobRegistry } from '@/server/job-registry'
import type { ApiBody, TestApp, TestUser } from './test-app'

export const testVehicle = { year: 2016, make: 'Subaru', model: 'Outback' }

export type CheckoutRow = typeof checkouts.$inferSelect
export type SessionRow = typeof sessions.$inferSelect
export type SignedEvent = { payload: string; signature: string }
/** A response body: the route's data on success, the error shape otherwise. */
export type Body<T> = T & ApiBody

/** Rows of a raw `execute`; both drivers answer `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows
}

/** POST /api/bookings as the customer; extra fields go into the body as a client would send them. */
export function openBooking(app: TestApp, customer: TestUser, body: Record<string, unknown> = {}) {
  return app.call<Body<{ checkout: { checkoutId: string; url: string } }>>(createBooking, {
    path: '/api/bookings',
    cookie: customer.cookie,
    body: { plan: 'chat', vehicle: testVehicle, concern: 'Grinding noise when braking', ...body },
  })
}

export async function checkoutRow(app: TestApp, checkoutId: string): Promise<CheckoutRow> {
  const [row] = await app.database.db.select().from(checkouts).where(eq(checkouts.id, checkoutId))
  if (!row) throw new Error(`no checkout ${checkoutId}`)
  return row
}

/** The `checkout.session.completed` event the provider sends once this checkout is paid. */
export async function completedEventFor(app: TestApp, checkoutId: string) {
  return buildCompletedEvent(await checkoutRow(app, checkoutId))
}

/** A payload signed the way Stripe signs it, with the running provider's secret by default. */
export function signedWebhook(
  event: unknown,
  options: { timestamp?: number; secret?: string } = {},
): SignedEvent {
  const payload = JSON.stringify(event)
  const secret = options.secret ?? paymentsProvider().webhookSecret
  return { payload, signature: signWebhookPayload(payload, secret, options.timestamp) }
}

export function deliverWebhook(app: TestApp, event: SignedEvent) {
  return app.call(webhookRoute, {
    path: '/api/webhooks/stripe',
    body: event.payload,
    headers: { 'stripe-signature': event.signature, 'content-type': 'application/json' },
  })
}

/** Books and pays through the real routes; the customer ends up with a pending request. */
export async function payForBooking(
  app: TestApp,
  customer: TestUser,
  { plan = 'chat' }: { plan?: PlanId } = {},
): Promise<{ sessionId: string; checkoutId: string }> {
  const booking = await openBooking(app, customer, { plan })
  if (booking.status !== 201) {
    throw new Error(`booking failed: ${booking.status} ${JSON.stringify(booking.body)}`)
  }
  const { checkoutId } = booking.body.checkout
  const paid = await deliverWebhook(app, signedWebhook(await completedEventFor(app, checkoutId)))
  if (paid.status !== 200) throw new Error(`webhook failed: ${paid.status}`)
  const { sessionId } = await checkoutRow(app, checkoutId)
  if (!sessionId) throw new Error('the paid booking created no session')
  return { sessionId, checkoutId }
}

export function acceptAs(app: TestApp, mechanic: TestUser, sessionId: string) {
  return app.call<Body<{ session: { id: string; status: string; roomPath: string } }>>(
    acceptRoute,
    {
      path: `/api/sessions/${sessionId}/accept`,
      method: 'POST',
      cookie: mechanic.cookie,
      params: { id: sessionId },
    },
  )
}

/** A paid request taken by a mechanic: the state in which both can open the room. */
export async function acceptedSession(app: TestApp, plan: PlanId = 'chat') {
  const [customer, mechanic] = await Promise.all([
    app.createUser({ role: 'customer' }),
    app.createUser({ role: 'mechanic' }),
  ])
  const { sessionId, checkoutId } = await payForBooking(app, customer, { plan })
  const accepted = await acceptAs(app, mechanic, sessionId)
  if (accepted.status !== 200) throw new Error(`accept failed: ${accepted.status}`)
  return { sessionId, checkoutId, customer, mechanic }
}

export async function sessionRow(app: TestApp, sessionId: string): Promise<SessionRow> {
  const [row] = await app.database.db.select().from(sessions).where(eq(sessions.id, sessionId))
  if (!row) throw new Error(`no session ${sessionId}`)
  return row
}

/** The session's status changes as the event log recorded them, oldest first. */
export async function transitionsOf(app: TestApp, sessionId: string) {
  const rows = await app.database.db
    .select({ actorId: events.actorId, data: events.data })
    .from(events)
    .where(and(eq(events.subjectId, sessionId), eq(events.type, 'session.transition')))
    .orderBy(asc(events.id))
  return rows.map((row) => ({
    actorId: row.actorId,
    ...(row.data as { from: SessionStatus | null; to: SessionStatus; reason: string }),
  }))
}

export async function eventsOfType(app: TestApp, type: string, subjectId: string) {
  return app.database.db
    .select({ actorId: events.actorId, data: events.data })
    .from(events)
    .where(and(eq(events.type, type), eq(events.subjectId, subjectId)))
    .orderBy(asc(events.id))
}

/**
 * An account row without a password, for arranging sessions in bulk. Tests that act as the user
 * through the API use `app.createUser` instead.
 */
export async function insertUser(app: TestApp, role: Role = 'customer'): Promise<string> {
  const id = randomUUID()
  await app.database.db
    .insert(users)
    .values({ id, name: `Arranged ${role}`, email: `${role}-${id}@test.autodoctor.dev`, role })
  return id
}

/** A session row in any state, written directly (arrangement only; code under test never does this). */
export async function insertSession(
  app: TestApp,
  values: { customerId: string; status: SessionStatus } & Partial<
    Omit<typeof sessions.$inferInsert, 'customerId' | 'status'>
  >,
): Promise<SessionRow> {
  const [row] = await app.database.db
    .insert(sessions)
    .values({
      plan: 'chat',
      vehicleYear: testVehicle.year,
      vehicleMake: testVehicle.make,
      vehicleModel: testVehicle.model,
      concern: 'Arranged for a test',
      durationSeconds: 30 * 60,
      ...values,
    })
    .returning()
  if (!row) throw new Error('session insert returned nothing')
  return row
}

export async function setSessionColumns(
  app: TestApp,
  sessionId: string,
  values: Partial<Omit<typeof sessions.$inferInsert, 'id' | 'status'>>,
): Promise<void> {
  await app.database.db.update(sessions).set(values).where(eq(sessions.id, sessionId))
}

export type Received = { event: string; payload: unknown }

/** A Socket.IO client as the browser uses it, recording everything the server sends it. */
export type RoomClient = {
  socket: ClientSocket
  received: Received[]
  request: <T>(event: string, payload: unknown) => Promise<Ack<T>>
  join: (sessionId: string, lastMessageSeq?: number) => Promise<Ack<JoinResult>>
  /** Payloads of one event received so far, optionally filtered. */
  all: <T>(event: string, match?: (payload: T) => boolean) => T[]
  /** The first payload of this event (already received or yet to come) that matches. */
  waitFor: <T>(event: string, match?: (payload: T) => boolean, timeoutMs?: number) => Promise<T>
  close: () => void
}

export type SocketTestServer = {
  url: string
  /** Connects with the user's cookie; rejects with the server's reason if the handshake fails. */
  connect: (cookie?: string, options?: { origin?: string }) => Promise<RoomClient>
  close: () => Promise<void>
}

/** The app's real Socket.IO server on an ephemeral port (in-memory adapter, as one instance runs). */
export async function startSocketServer(app: TestApp): Promise<SocketTestServer> {
  const httpServer = createServer()
  const sockets = createAppSocketServer(httpServer, { env: app.context.env })
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve))
  const { port } = httpServer.address() as AddressInfo
  const url = `http://127.0.0.1:${port}`
  const open = new Set<ClientSocket>()

  async function connect(cookie?: string, options: { origin?: string } = {}) {
    const headers: Record<string, string> = {}
    if (cookie) headers.cookie = cookie
    if (options.origin) headers.origin = options.origin
    const socket = connectSocket(url, {
      transports: ['websocket'],
      extraHeaders: headers,
      reconnection: false,
      forceNew: true,
      timeout: 5_000,
    })
    open.add(socket)
    const client = recordingClient(socket)
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve())
      socket.once('connect_error', (error) => {
        open.delete(socket)
        socket.close()
        reject(error)
      })
    })
    return client
  }

  return {
    url,
    connect,
    close: async () => {
      for (const socket of open) socket.close()
      await sockets.close()
      httpServer.closeAllConnections()
      await new Promise<void>((resolve) => httpServer.close(() => resolve()))
    },
  }
}

function recordingClient(socket: ClientSocket): RoomClient {
  const received: Received[] = []
  const waiters = new Set<(item: Received) => void>()
  socket.onAny((event: string, payload: unknown) => {
    const item = { event, payload }
    received.push(item)
    for (const waiter of waiters) waiter(item)
  })

  function all<T>(event: string, match: (payload: T) => boolean = () => true): T[] {
    return received
      .filter((item) => item.event === event && match(item.payload as T))
      .map((item) => item.payload as T)
  }

  function waitFor<T>(
    event: string,
    match: (payload: T) => boolean = () => true,
    timeoutMs = 5_000,
  ): Promise<T> {
    const [seen] = all(event, match)
    if (seen !== undefined) return Promise.resolve(seen)
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        waiters.delete(waiter)
        reject(new Error(`no ${event} within ${timeoutMs} ms`))
      }, timeoutMs)
      const waiter = (item: Received) => {
        if (item.event !== event || !match(item.payload as T)) return
        clearTimeout(timer)
        waiters.delete(waiter)
        resolve(item.payload as T)
      }
      waiters.add(waiter)
    })
  }

  const request = <T>(event: string, payload: unknown) =>
    socket.timeout(5_000).emitWithAck(event, payload) as Promise<Ack<T>>

  return {
    socket,
    received,
    request,
    join: (sessionId, lastMessageSeq) =>
      request<JoinResult>('session:join', {
        sessionId,
        ...(lastMessageSeq === undefined ? {} : { lastMessageSeq }),
      }),
    all,
    waitFor,
    close: () => socket.close(),
  }
}

/** Unwraps a successful acknowledgement, failing the test with the server's error otherwise. */
export function ackData<T>(ack: Ack<T>): T {
  if (!ack.ok) throw new Error(`expected ok, got ${ack.error.code}: ${ack.error.message}`)
  return ack.data
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/** An accepted session whose customer and mechanic have both joined over sockets: it is live. */
export async function liveRoom(app: TestApp, sockets: SocketTestServer, plan: PlanId = 'chat') {
  const session = await acceptedSession(app, plan)
  const customerClient = await sockets.connect(session.customer.cookie)
  const customerJoin = ackData(await customerClient.join(session.sessionId))
  const mechanicClient = await sockets.connect(session.mechanic.cookie)
  const mechanicJoin = ackData(await mechanicClient.join(session.sessionId))
  if (mechanicJoin.state.status !== 'live') {
    throw new Error(`expected a live session, got ${mechanicJoin.state.status}`)
  }
  return { ...session, customerClient, mechanicClient, customerJoin, mechanicJoin }
}

/** One pass of the job worker, as the server's loop runs it after a commit (refunds are jobs). */
export async function runJobs(): Promise<void> {
  await runDueJobs(jobRegistry)
}
