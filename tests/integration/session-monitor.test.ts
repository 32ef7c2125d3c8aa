import { and, eq, like, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { POST as cronRoute } from '@/app/api/cron/session-monitor/route'
import { POST as extendRoute } from '@/app/api/sessions/[id]/extensions/route'
import { checkouts, jobs, payments, sessionAlerts, sessions } from '@/db/schema'
import { type MonitorRun, runSessionMonitor } from '@/features/monitor/run-session-monitor'
import { createLocalProvider } from '@/features/payments/local-provider'
import { paymentsProvider, setPaymentsProvider } from '@/features/payments/provider'
import type { LiveVersion, SessionEndedEvent } from '@/features/realtime/contract'
import {
  acceptedSession,
  ackData,
  type Body,
  completedEventFor,
  deliverWebhook,
  eventsOfType,
  liveRoom,
  openBooking,
  type RoomClient,
  runJobs,
  type SocketTestServer,
  sessionRow,
  setSessionColumns,
  signedWebhook,
  startSocketServer,
  transitionsOf,
} from '../support/sessions'
import { startTestApp, type TestApp } from '../support/test-app'

// The monitor's clock is its `now` argument: tests move it instead of waiting. On the shared
// PostgreSQL database a pass sees every file's sessions, so a condition whose action would
// end another file's sessions (release after 15 min, the 3-hour limit) is reached by moving this
// file's session back in time instead of moving the clock that far forward.

let app: TestApp
let sockets: SocketTestServer
const CRON_SECRET = 'cron-secret-for-the-monitor-tests'

beforeAll(async () => {
  app = await startTestApp()
  sockets = await startSocketServer(app)
})

afterAll(async () => {
  await sockets.close()
  await app.close()
})

const secondsAfter = (date: Date, seconds: number) => new Date(date.getTime() + seconds * 1000)
const secondsAgo = (seconds: number) => new Date(Date.now() - seconds * 1000)

/** `count` passes at `now`, all at once, as several instances would run them. */
function runAtOnce(now: Date, count: number): Promise<MonitorRun[]> {
  return Promise.all(Array.from({ length: count }, () => runSessionMonitor({ now })))
}

async function alertsOf(subjectId: string) {
  return app.database.db.select().from(sessionAlerts).where(eq(sessionAlerts.subjectId, subjectId))
}

/** The monitor's own emails about a subject (receipts and the accept email are not its). */
async function emailJobsFor(subjectId: string) {
  return app.database.db
    .select({ key: jobs.key, payload: jobs.payload })
    .from(jobs)
    .where(and(eq(jobs.kind, 'mail.send'), like(jobs.key, `mail:monitor.%${subjectId}%`)))
}

function callCron(authorization?: string) {
  return app.call<Body<{ run: MonitorRun }>>(cronRoute, {
    path: '/api/cron/session-monitor',
    method: 'POST',
    headers: authorization ? { authorization } : {},
  })
}

/** Everything the server sent before this answer has arrived by the time it comes back. */
async function flush(client: RoomClient): Promise<void> {
  ackData(await client.request<LiveVersion>('live:version', { kind: 'mine' }))
}

describe('accepted but never started', () => {
  test('the mechanic is nudged once, however many passes run and however late', async () => {
    const { sessionId, mechanic } = await acceptedSession(app)
    const acceptedAt = (await sessionRow(app, sessionId)).statusChangedAt

    await runAtOnce(secondsAfter(acceptedAt, 179), 2)
    expect(await alertsOf(sessionId)).toHaveLength(0)

    await runAtOnce(secondsAfter(acceptedAt, 181), 3)
    for (let minute = 4; minute <= 12; minute++) {
      await runSessionMonitor({ now: secondsAfter(acceptedAt, minute * 60) })
    }

    expect((await alertsOf(sessionId)).map((alert) => alert.condition)).toEqual(['start_nudge'])
    const nudges = await eventsOfType(app, 'monitor.start_nudge', sessionId)
    expect(nudges).toHaveLength(1)
    expect(nudges[0]).toMatchObject({
      actorId: null,
      data: {
        actor: 'system',
        reason: 'accepted_not_started',
        sessionId,
        mechanicId: mechanic.id,
        thresholdSeconds: 180,
      },
    })
    expect(Number(nudges[0]?.data.ageSeconds)).toBeGreaterThanOrEqual(181)
    const emails = await emailJobsFor(sessionId)
    expect(emails.map((job) => job.key)).toEqual([`mail:monitor.start_nudge:${sessionId}`])
    expect(emails[0]?.payload).toMatchObject({ to: mechanic.email })
    expect((await sessionRow(app, sessionId)).status).toBe('accepted')
  })

  test('past the request timeout the state machine cancels it, refunds it and tells both sides', async () => {
    const { sessionId, customer, mechanic } = await acceptedSession(app)
    const customerClient = await sockets.connect(customer.cookie)
    ackData(await customerClient.join(sessionId))
    expect((await sessionRow(app, sessionId)).status).toBe('waiting')
    await setSessionColumns(app, sessionId, { acceptedAt: secondsAgo(15 * 60 + 1) })

    await runAtOnce(new Date(), 3)
    await runSessionMonitor()

    expect(await sessionRow(app, sessionId)).toMatchObject({
      status: 'cancelled',
      endReason: 'not_started',
    })
    expect(
      (await transitionsOf(app, sessionId)).filter((move) => move.reason === 'not_started'),
    ).toEqual([{ actorId: null, from: 'waiting', to: 'cancelled', reason: 'not_started' }])
    expect(await eventsOfType(app, 'monitor.not_started_released', sessionId)).toHaveLength(1)
    await customerClient.waitFor<SessionEndedEvent>('session:ended')
    await flush(customerClient)
    expect(customerClient.all('session:ended')).toEqual([
      expect.objectContaining({ sessionId, status: 'cancelled', reason: 'not_started' }),
    ])
    const emails = (await emailJobsFor(sessionId)).filter((job) =>
      job.key?.includes('not_started_released'),
    )
    expect(emails.map((job) => (job.payload as { to: string }).to).sort()).toEqual(
      [customer.email, mechanic.email].sort(),
    )
    await runJobs()
    expect(await eventsOfType(app, 'payment.refunded', sessionId)).toHaveLength(1)
    customerClient.close()
  })
})

describe('waiting for the second participant', () => {
  test('admins are alerted once and only the absent participant is reminded', async () => {
    const { sessionId, customer, mechanic } = await acceptedSession(app)
    const customerClient = await sockets.connect(customer.cookie)
    ackData(await customerClient.join(sessionId))
    const waitingSince = (await sessionRow(app, sessionId)).statusChangedAt

    await runSessionMonitor({ now: secondsAfter(waitingSince, 119) })
    expect(await alertsOf(sessionId)).toHaveLength(0)
    await runAtOnce(secondsAfter(waitingSince, 121), 3)
    for (let step = 1; step <= 8; step++) {
      await runSessionMonitor({ now: secondsAfter(waitingSince, 121 + step * 30) })
    }

    expect((await alertsOf(sessionId)).map((alert) => alert.condition)).toEqual(['waiting_stuck'])
    const [alert] = await eventsOfType(app, 'monitor.waiting_stuck', sessionId)
    expect(alert?.data).toMatchObject({
      actor: 'system',
      reason: 'waiting_for_participant',
      thresholdSeconds: 120,
      absentUserIds: [mechanic.id],
    })
    const emails = await emailJobsFor(sessionId)
    expect(emails.map((job) => (job.payload as { to: string }).to)).toEqual([mechanic.email])
    expect(emails[0]?.payload).toMatchObject({
      text: expect.stringContaining(`/chat/${sessionId}`),
    })
    customerClient.close()
  })
})

describe('the maximum session length', () => {
  test('ends through the state machine once, one session:ended each, unused extension refunded', async () => {
    app.context.env.CRON_SECRET = CRON_SECRET
    const room = await liveRoom(app, sockets)
    const extension = await app.call<{ checkout: { checkoutId: string } }>(extendRoute, {
      path: `/api/sessions/${room.sessionId}/extensions`,
      cookie: room.customer.cookie,
      params: { id: room.sessionId },
      body: { option: '30' },
    })
    const { checkoutId } = extension.body.checkout
    expect(
      (await deliverWebhook(app, signedWebhook(await completedEventFor(app, checkoutId)))).status,
    ).toBe(200)
    // Three hours in, with more than the extension's 30 minutes still on the clock.
    await setSessionColumns(app, room.sessionId, {
      startedAt: secondsAgo(3 * 60 * 60 + 5),
      expiresAt: secondsAgo(-40 * 60),
    })

    const now = new Date()
    const [cron] = await Promise.all([
      callCron(`Bearer ${CRON_SECRET}`),
      runSessionMonitor({ now }),
      runSessionMonitor({ now }),
    ])
    await runAtOnce(secondsAfter(now, 60), 2)

    expect(cron.status).toBe(200)
    expect(await sessionRow(app, room.sessionId)).toMatchObject({
      status: 'completed',
      endReason: 'max_duration',
    })
    const endings = (await transitionsOf(app, room.sessionId)).filter(
      (move) => move.reason === 'max_duration',
    )
    expect(endings).toEqual([
      { actorId: null, from: 'live', to: 'completed', reason: 'max_duration' },
    ])
    const [monitorEvent] = await eventsOfType(app, 'monitor.max_duration', room.sessionId)
    expect(monitorEvent?.data).toMatchObject({
      actor: 'system',
      reason: 'max_duration',
      thresholdSeconds: 3 * 60 * 60,
      from: 'live',
      to: 'completed',
    })
    // The status column only takes the state machine's values: the original's direct write fails.
    await expect(
      app.database.db.execute(
        sql`update ${sessions} set status = 'ended' where id = ${room.sessionId}`,
      ),
    ).rejects.toThrow()

    for (const client of [room.customerClient, room.mechanicClient]) {
      await client.waitFor('session:ended')
      await flush(client)
      expect(client.all<SessionEndedEvent>('session:ended')).toEqual([
        expect.objectContaining({ status: 'completed', reason: 'max_duration' }),
      ])
    }

    const [extensionCheckout] = await app.database.db
      .select({ refundReason: payments.refundReason })
      .from(payments)
      .where(eq(payments.checkoutId, checkoutId))
    expect(extensionCheckout?.refundReason).toBe('max_duration')
    const [booking] = await app.database.db
      .select({ refundRequestedAt: payments.refundRequestedAt })
      .from(payments)
      .where(eq(payments.checkoutId, room.checkoutId))
    expect(booking?.refundRequestedAt).toBeNull()
    room.customerClient.close()
    room.mechanicClient.close()
  })
})

describe('a paid checkout whose webhook never came', () => {
  test('is flagged for the admins once when the provider says it was paid', async () => {
    const customer = await app.createUser()
    const booking = await openBooking(app, customer)
    const { checkoutId } = booking.body.checkout
    await app.database.db
      .update(checkouts)
      .set({ createdAt: secondsAgo(16 * 60) })
      .where(eq(checkouts.id, checkoutId))
    const [row] = await app.database.db
      .select({ providerCheckoutId: checkouts.providerCheckoutId })
      .from(checkouts)
      .where(eq(checkouts.id, checkoutId))
    const local = paymentsProvider()
    setPaymentsProvider({
      ...createLocalProvider({ webhookSecret: local.webhookSecret }),
      checkoutPaymentStatus: async (id) => (id === row?.providerCheckoutId ? 'paid' : 'unpaid'),
    })
    try {
      await runAtOnce(new Date(), 3)
      await runSessionMonitor()
    } finally {
      setPaymentsProvider(undefined)
    }

    expect((await alertsOf(checkoutId)).map((alert) => alert.condition)).toEqual([
      'checkout_unconfirmed',
    ])
    const [flag] = await eventsOfType(app, 'monitor.checkout_unconfirmed', checkoutId)
    expect(flag?.data).toMatchObject({
      actor: 'system',
      reason: 'paid_without_webhook',
      checkoutId,
      providerCheckoutId: row?.providerCheckoutId,
    })
  })
})

describe('POST /api/cron/session-monitor', () => {
  test('answers 404 without CRON_SECRET, 401 to a missing or wrong secret, and runs with the right one', async () => {
    const { sessionId, customer } = await acceptedSession(app)
    const customerClient = await sockets.connect(customer.cookie)
    ackData(await customerClient.join(sessionId))
    await app.database.db
      .update(sessions)
      .set({ statusChangedAt: secondsAgo(121) })
      .where(eq(sessions.id, sessionId))

    app.context.env.CRON_SECRET = undefined
    expect((await callCron(`Bearer ${CRON_SECRET}`)).status).toBe(404)
    app.context.env.CRON_SECRET = CRON_SECRET
    const missing = await callCron()
    const wrong = await callCron(`Bearer ${CRON_SECRET.slice(0, -1)}x`)
    const otherScheme = await callCron(`Basic ${CRON_SECRET}`)
    for (const refused of [missing, wrong, otherScheme]) {
      expect(refused.status).toBe(401)
      expect(refused.body.error?.code).toBe('unauthenticated')
    }
    expect(await alertsOf(sessionId)).toHaveLength(0)

    const ran = await callCron(`Bearer ${CRON_SECRET}`)
    expect(ran.status).toBe(200)
    expect(ran.body.run.trigger).toBe('cron')
    expect(ran.body.run.actions.waiting_stuck).toBeGreaterThanOrEqual(1)
    expect(Object.keys(ran.body.run.actions).sort()).toEqual([
      'checkout_unconfirmed',
      'max_duration',
      'not_started_released',
      'start_nudge',
      'waiting_stuck',
    ])
    const again = await callCron(`Bearer ${CRON_SECRET}`)
    expect(again.status).toBe(200)
    expect((await alertsOf(sessionId)).map((alert) => alert.condition)).toEqual(['waiting_stuck'])
    customerClient.close()
  })
})
