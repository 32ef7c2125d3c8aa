import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { GET as queueRoute } from '@/app/api/queue/route'
import { POST as endRoute } from '@/app/api/sessions/[id]/end/route'
import { POST as extendRoute } from '@/app/api/sessions/[id]/extensions/route'
import { GET as sessionRoute } from '@/app/api/sessions/[id]/route'
import { GET as mySessionsRoute } from '@/app/api/sessions/route'
import type { Transaction } from '@/db/client'
import { payments, sessions } from '@/db/schema'
import { fulfillExtension } from '@/features/extensions/fulfill-extension'
import type {
  SessionEndedEvent,
  SessionState,
  SessionWarningEvent,
} from '@/features/realtime/contract'
import { applyPresence } from '@/features/sessions/apply-presence'
import type { QueueItem } from '@/features/sessions/list-queue'
import type { SessionSummary } from '@/features/sessions/list-sessions'
import { sweepSessions } from '@/features/sessions/sweep-sessions'
import { startLoops } from '@/server/loops'
import {
  acceptedSession,
  ackData,
  type Body,
  checkoutRow,
  eventsOfType,
  insertSession,
  liveRoom,
  openBooking,
  payForBooking,
  type RoomClient,
  rowsOf,
  runJobs,
  type SocketTestServer,
  sessionRow,
  setSessionColumns,
  sleep,
  startSocketServer,
  transitionsOf,
} from '../support/sessions'
import { startTestApp, type TestApp, type TestUser } from '../support/test-app'

// Every test that sweeps lives in this file: the sweep is global, and on the shared PostgreSQL
// database a sweep in another file could end these sessions where this file's sockets cannot see.

let app: TestApp
let sockets: SocketTestServer

beforeAll(async () => {
  app = await startTestApp()
  sockets = await startSocketServer(app)
})

afterAll(async () => {
  await sockets.close()
  await app.close()
})

function secondsFromNow(seconds: number): Date {
  return new Date(Date.now() + seconds * 1000)
}

function end(sessionId: string, user: TestUser) {
  return app.call<Body<{ session: { id: string; status: string; endedAt: string } }>>(endRoute, {
    path: `/api/sessions/${sessionId}/end`,
    method: 'POST',
    cookie: user.cookie,
    params: { id: sessionId },
  })
}

function readSession(sessionId: string, user: TestUser) {
  return app.call<{ state: SessionState }>(sessionRoute, {
    path: `/api/sessions/${sessionId}`,
    cookie: user.cookie,
    params: { id: sessionId },
  })
}

async function bookingPayment(sessionId: string) {
  const [payment] = await app.database.db
    .select()
    .from(payments)
    .where(eq(payments.sessionId, sessionId))
  if (!payment) throw new Error('no payment for the session')
  return payment
}

/**
 * On PostgreSQL, returns once another connection is blocked on a row this transaction holds.
 * PGlite runs one transaction at a time, so there the other side simply waits its turn.
 */
async function untilSomeoneWaitsForThisTransaction(tx: Transaction): Promise<void> {
  if (app.database.kind !== 'postgres') return
  const deadline = Date.now() + 5_000
  while (Date.now() < deadline) {
    const result = await tx.execute(sql`
      select count(*)::int as n from pg_locks
      where locktype = 'transactionid' and not granted
        and transactionid::text = (txid_current() % 4294967296)::text`)
    if ((rowsOf<{ n: number }>(result)[0]?.n ?? 0) > 0) return
    await sleep(10)
  }
  throw new Error('nobody queued behind the transaction')
}

/** Waits for `session:ended`, then long enough that a duplicate would have arrived too. */
async function endedEvents(client: RoomClient): Promise<SessionEndedEvent[]> {
  await client.waitFor('session:ended')
  await sleep(150)
  return client.all<SessionEndedEvent>('session:ended')
}

function closeAll(...clients: RoomClient[]) {
  for (const client of clients) client.close()
}

describe('when the time is up', () => {
  test('the session ends as completed (time_up) exactly once, even with two sweeps at once', async () => {
    const room = await liveRoom(app, sockets)
    await setSessionColumns(app, room.sessionId, { expiresAt: secondsFromNow(-1) })

    await Promise.all([sweepSessions(), sweepSessions()])

    const row = await sessionRow(app, room.sessionId)
    expect(row).toMatchObject({ status: 'completed', endReason: 'time_up' })
    const expected = {
      sessionId: room.sessionId,
      status: 'completed',
      reason: 'time_up',
      endedAt: row.endedAt?.toISOString(),
    }
    expect(await endedEvents(room.customerClient)).toEqual([expected])
    expect(await endedEvents(room.mechanicClient)).toEqual([expected])
    const endings = (await transitionsOf(app, room.sessionId)).filter((t) => t.to === 'completed')
    expect(endings).toEqual([{ actorId: null, from: 'live', to: 'completed', reason: 'time_up' }])
    // The time was used: no refund.
    expect((await bookingPayment(room.sessionId)).refundRequestedAt).toBeNull()

    const state = (await readSession(room.sessionId, room.customer)).body.state
    expect(state).toMatchObject({ status: 'completed', remainingMs: 0 })
    const chat = await room.customerClient.request('chat:send', {
      sessionId: room.sessionId,
      clientId: 'late-1',
      body: 'Are you still there?',
    })
    expect(chat).toMatchObject({ ok: false, error: { code: 'conflict', status: 'completed' } })
    closeAll(room.customerClient, room.mechanicClient)
  })

  test("the server's own loop ends it at expires_at without any client asking", async () => {
    const room = await liveRoom(app, sockets)
    const expiresAt = secondsFromNow(0.3)
    await setSessionColumns(app, room.sessionId, { expiresAt })
    const loops = startLoops({ sweepIntervalMs: 50, jobIntervalMs: 1000 })

    try {
      const ended = await room.customerClient.waitFor<SessionEndedEvent>('session:ended')
      expect(ended).toMatchObject({ status: 'completed', reason: 'time_up' })
      const lag = Date.parse(ended.endedAt ?? '') - expiresAt.getTime()
      expect(lag).toBeGreaterThanOrEqual(0)
      expect(lag).toBeLessThan(1_500)
      await room.mechanicClient.waitFor('session:ended')
    } finally {
      await loops.stop()
    }
    closeAll(room.customerClient, room.mechanicClient)
  })

  test('an extension paid in the instant the time runs out keeps the session going', async () => {
    const room = await liveRoom(app, sockets)
    const opened = await app.call<{ checkout: { checkoutId: string } }>(extendRoute, {
      path: `/api/sessions/${room.sessionId}/extensions`,
      cookie: room.customer.cookie,
      params: { id: room.sessionId },
      body: { option: '15' },
    })
    expect(opened.status).toBe(201)
    const checkout = await checkoutRow(app, opened.body.checkout.checkoutId)
    await setSessionColumns(app, room.sessionId, { expiresAt: secondsFromNow(-1) })

    let sweep: Promise<unknown> = Promise.resolve()
    await app.database.db.transaction(async (tx) => {
      // The payment's transaction holds the session row, as the webhook's does, while a sweep
      // that has already read the session as due waits for it.
      await tx
        .select({ id: sessions.id })
        .from(sessions)
        .where(eq(sessions.id, room.sessionId))
        .for('update')
      sweep = sweepSessions()
      await untilSomeoneWaitsForThisTransaction(tx)
      const outcome = await fulfillExtension(tx, checkout, `pi_test_${checkout.id}`)
      expect(outcome.kind).toBe('fulfilled')
    })
    await sweep

    const row = await sessionRow(app, room.sessionId)
    expect(row.status).toBe('live')
    expect(row.expiresAt?.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000)
    await sleep(150)
    expect(room.customerClient.all('session:ended')).toEqual([])
    await end(room.sessionId, room.customer)
    closeAll(room.customerClient, room.mechanicClient)
  })

  test('both are warned once at 5 minutes and once at 1 minute left', async () => {
    const room = await liveRoom(app, sockets)
    const isWarning = (minutes: number) => (warning: SessionWarningEvent) =>
      warning.minutesLeft === minutes

    await setSessionColumns(app, room.sessionId, { expiresAt: secondsFromNow(4 * 60) })
    await Promise.all([sweepSessions(), sweepSessions()])
    await sweepSessions()
    await room.customerClient.waitFor('session:warning', isWarning(5))
    await setSessionColumns(app, room.sessionId, { expiresAt: secondsFromNow(50) })
    await sweepSessions()
    await sweepSessions()
    await room.mechanicClient.waitFor('session:warning', isWarning(1))
    await room.customerClient.waitFor('session:warning', isWarning(1))
    await sleep(150)

    for (const client of [room.customerClient, room.mechanicClient]) {
      const warnings = client.all<SessionWarningEvent>('session:warning')
      expect(warnings.map((warning) => warning.minutesLeft)).toEqual([5, 1])
    }
    expect((await sessionRow(app, room.sessionId)).status).toBe('live')
    await end(room.sessionId, room.customer)
    closeAll(room.customerClient, room.mechanicClient)
  })

  test('a participant gone longer than the reconnect timeout ends the session (participant_lost)', async () => {
    const room = await liveRoom(app, sockets)
    room.mechanicClient.close()
    await applyPresence(room.sessionId, { customer: true, mechanic: false }, null)
    expect((await sessionRow(app, room.sessionId)).status).toBe('reconnecting')
    await setSessionColumns(app, room.sessionId, {
      startedAt: secondsFromNow(-20 * 60),
      pausedAt: secondsFromNow(-(app.context.env.RECONNECT_TIMEOUT_SECONDS + 1)),
    })

    await sweepSessions()

    expect(await endedEvents(room.customerClient)).toEqual([
      expect.objectContaining({ status: 'completed', reason: 'participant_lost' }),
    ])
    room.customerClient.close()
  })
})

describe('a request nobody accepts', () => {
  test('expires after the request timeout, is refunded and leaves the queue; the customer can book again', async () => {
    const customer = await app.createUser()
    const mechanic = await app.createUser({ role: 'mechanic' })
    const { sessionId } = await payForBooking(app, customer)
    const fresh = await payForBooking(app, await app.createUser())
    const dashboard = await sockets.connect(customer.cookie)
    await setSessionColumns(app, sessionId, {
      requestedAt: secondsFromNow(-(app.context.env.REQUEST_TIMEOUT_SECONDS + 1)),
    })

    await sweepSessions()

    expect(await sessionRow(app, sessionId)).toMatchObject({
      status: 'expired',
      endReason: 'request_expired',
    })
    expect((await sessionRow(app, fresh.sessionId)).status).toBe('pending')
    expect(
      await dashboard.waitFor('session:updated', (u: { status: string }) => u.status === 'expired'),
    ).toEqual({ sessionId, status: 'expired' })
    await runJobs()
    const payment = await bookingPayment(sessionId)
    expect(payment.refundReason).toBe('request_expired')
    expect(payment.refundedAt).toBeInstanceOf(Date)
    expect(payment.providerRefundId).toEqual(expect.any(String))
    expect(await eventsOfType(app, 'payment.refunded', sessionId)).toEqual([
      {
        actorId: null,
        data: { paymentId: payment.id, amountCents: 999, reason: 'request_expired' },
      },
    ])
    expect(await transitionsOf(app, sessionId)).toEqual([
      expect.objectContaining({ to: 'pending' }),
      { actorId: null, from: 'pending', to: 'expired', reason: 'request_expired' },
    ])

    const queue = await app.call<{ requests: QueueItem[] }>(queueRoute, {
      path: '/api/queue',
      cookie: mechanic.cookie,
    })
    const queued = queue.body.requests.map((request) => request.sessionId)
    expect(queued).not.toContain(sessionId)
    expect(queued).toContain(fresh.sessionId)
    const mine = await app.call<{ sessions: SessionSummary[] }>(mySessionsRoute, {
      path: '/api/sessions',
      cookie: customer.cookie,
    })
    expect(mine.body.sessions).toEqual([
      expect.objectContaining({ id: sessionId, status: 'expired', refundedCents: 999 }),
    ])
    expect((await openBooking(app, customer)).status).toBe(201)
    dashboard.close()
  })
})

describe('ending a session from the room', () => {
  test('under 60 s live it is cancelled and refunded; both are sent away once', async () => {
    const room = await liveRoom(app, sockets)

    const ended = await end(room.sessionId, room.customer)

    expect(ended.status).toBe(200)
    expect(ended.body.session).toMatchObject({ id: room.sessionId, status: 'cancelled' })
    const expected = expect.objectContaining({ status: 'cancelled', reason: 'ended_by_customer' })
    expect(await endedEvents(room.customerClient)).toEqual([expected])
    expect(await endedEvents(room.mechanicClient)).toEqual([expected])
    await runJobs()
    const payment = await bookingPayment(room.sessionId)
    expect(payment).toMatchObject({ refundReason: 'ended_by_customer' })
    expect(payment.refundedAt).toBeInstanceOf(Date)
    expect(await eventsOfType(app, 'payment.refunded', room.sessionId)).toHaveLength(1)
    expect((await transitionsOf(app, room.sessionId)).at(-1)).toEqual({
      actorId: room.customer.id,
      from: 'live',
      to: 'cancelled',
      reason: 'ended_by_customer',
    })
    closeAll(room.customerClient, room.mechanicClient)
  })

  test('after 60 s live it is completed and not refunded', async () => {
    const room = await liveRoom(app, sockets)
    await setSessionColumns(app, room.sessionId, { startedAt: secondsFromNow(-61) })

    const ended = await end(room.sessionId, room.mechanic)

    expect(ended.body.session.status).toBe('completed')
    expect(await endedEvents(room.customerClient)).toEqual([
      expect.objectContaining({ status: 'completed', reason: 'ended_by_mechanic' }),
    ])
    await runJobs()
    const payment = await bookingPayment(room.sessionId)
    expect(payment.refundRequestedAt).toBeNull()
    expect(payment.refundedAt).toBeNull()
    expect(await eventsOfType(app, 'payment.refunded', room.sessionId)).toEqual([])
    closeAll(room.customerClient, room.mechanicClient)
  })

  test('before it ever went live it is cancelled and refunded', async () => {
    const session = await acceptedSession(app)

    const ended = await end(session.sessionId, session.mechanic)

    expect(ended.body.session.status).toBe('cancelled')
    await runJobs()
    expect((await bookingPayment(session.sessionId)).refundedAt).toBeInstanceOf(Date)
  })

  test('a customer may withdraw a request before anyone accepts it, and is refunded', async () => {
    const customer = await app.createUser()
    const { sessionId } = await payForBooking(app, customer)

    const ended = await end(sessionId, customer)

    expect(ended.status).toBe(200)
    expect(ended.body.session.status).toBe('cancelled')
    await runJobs()
    expect((await bookingPayment(sessionId)).refundedAt).toBeInstanceOf(Date)
  })

  test('two ends at once: one succeeds, the other is told the session already ended', async () => {
    const room = await liveRoom(app, sockets)

    const results = await Promise.all([
      end(room.sessionId, room.customer),
      end(room.sessionId, room.mechanic),
    ])

    expect(results.map((result) => result.status).sort()).toEqual([200, 409])
    expect(results.find((result) => result.status === 409)?.body.error).toMatchObject({
      code: 'conflict',
      status: 'cancelled',
    })
    expect(await endedEvents(room.customerClient)).toHaveLength(1)
    await runJobs()
    expect(await eventsOfType(app, 'payment.refunded', room.sessionId)).toHaveLength(1)
    closeAll(room.customerClient, room.mechanicClient)
  })
})

describe('sessions that ran out while no server was running', () => {
  test('the start-up sweep ends them before anyone can join, and they cannot be rejoined', async () => {
    const customer = await app.createUser()
    const mechanic = await app.createUser({ role: 'mechanic' })
    const session = await insertSession(app, {
      customerId: customer.id,
      mechanicId: mechanic.id,
      status: 'live',
      acceptedAt: secondsFromNow(-45 * 60),
      startedAt: secondsFromNow(-40 * 60),
      expiresAt: secondsFromNow(-10 * 60),
    })

    // What the server runs before it listens (src/server/start-server.ts).
    await sweepSessions()

    expect(await sessionRow(app, session.id)).toMatchObject({
      status: 'completed',
      endReason: 'time_up',
    })
    for (const user of [customer, mechanic]) {
      const client = await sockets.connect(user.cookie)
      const ack = await client.join(session.id)
      expect(ack).toEqual({
        ok: false,
        error: { code: 'conflict', message: 'This session has ended', status: 'completed' },
      })
      client.close()
    }
    expect((await readSession(session.id, customer)).body.state).toMatchObject({
      status: 'completed',
      remainingMs: 0,
    })
    await sweepSessions()
    expect((await transitionsOf(app, session.id)).filter((t) => t.to === 'completed')).toHaveLength(
      1,
    )
  })

  test('a session with time left survives the start-up sweep and can be joined', async () => {
    const customer = await app.createUser()
    const mechanic = await app.createUser({ role: 'mechanic' })
    const expiresAt = secondsFromNow(20 * 60)
    const session = await insertSession(app, {
      customerId: customer.id,
      mechanicId: mechanic.id,
      status: 'reconnecting',
      acceptedAt: secondsFromNow(-15 * 60),
      startedAt: secondsFromNow(-10 * 60),
      expiresAt,
      pausedAt: secondsFromNow(-30),
    })

    await sweepSessions()

    expect((await sessionRow(app, session.id)).status).toBe('reconnecting')
    const customerClient = await sockets.connect(customer.cookie)
    const mechanicClient = await sockets.connect(mechanic.cookie)
    ackData(await customerClient.join(session.id))
    const resumed = ackData(await mechanicClient.join(session.id)).state
    expect(resumed.status).toBe('live')
    expect(Date.parse(resumed.expiresAt ?? '')).toBeGreaterThanOrEqual(expiresAt.getTime() + 30_000)
    await end(session.id, customer)
    closeAll(customerClient, mechanicClient)
  })
})
