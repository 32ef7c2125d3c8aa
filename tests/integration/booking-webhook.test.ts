import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { and, count, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { POST as payLocalRoute } from '@/app/api/checkout/local/[id]/pay/route'
import { POST as cancelRoute } from '@/app/api/checkouts/[id]/cancel/route'
import { GET as queueRoute } from '@/app/api/queue/route'
import { POST as extendRoute } from '@/app/api/sessions/[id]/extensions/route'
import { GET as mySessionsRoute } from '@/app/api/sessions/route'
import { POST as webhookRoute } from '@/app/api/webhooks/stripe/route'
import { checkouts, events, payments, sessions } from '@/db/schema'
import { plans } from '@/features/catalogue/catalogue'
import { applyPresence } from '@/features/sessions/apply-presence'
import {
  acceptedSession,
  type Body,
  checkoutRow,
  completedEventFor,
  deliverWebhook,
  eventsOfType,
  openBooking,
  payForBooking,
  runJobs,
  signedWebhook,
  testVehicle,
  transitionsOf,
} from '../support/sessions'
import { startTestApp, type TestApp, type TestUser } from '../support/test-app'

let app: TestApp
let appServer: Server
let webhookReachable = true

/**
 * The local checkout posts its signed event to APP_URL, so this file serves the webhook route on
 * a real port and points APP_URL at it before the app reads its env.
 */
beforeAll(async () => {
  appServer = createServer((req, res) => {
    void (async () => {
      const chunks: Buffer[] = []
      for await (const chunk of req) chunks.push(chunk as Buffer)
      const headers = new Headers()
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === 'string') headers.set(name, value)
      }
      // As if the app could not reach itself: the connection drops before any answer.
      if (!webhookReachable) return req.socket.destroy()
      const response =
        req.method === 'POST' && req.url === '/api/webhooks/stripe'
          ? await webhookRoute(
              new Request(`http://127.0.0.1${req.url}`, {
                method: 'POST',
                headers,
                body: Buffer.concat(chunks),
              }),
            )
          : new Response('not found', { status: 404 })
      res.writeHead(response.status, { 'content-type': 'application/json' })
      res.end(await response.text())
    })()
  })
  await new Promise<void>((resolve) => appServer.listen(0, '127.0.0.1', resolve))
  process.env.APP_URL = `http://127.0.0.1:${(appServer.address() as AddressInfo).port}`
  app = await startTestApp()
})

afterAll(async () => {
  await app.close()
  await new Promise<void>((resolve) => appServer.close(() => resolve()))
})

async function sessionsOf(customer: TestUser) {
  return app.database.db.select().from(sessions).where(eq(sessions.customerId, customer.id))
}

async function paymentsFor(checkoutId: string) {
  return app.database.db.select().from(payments).where(eq(payments.checkoutId, checkoutId))
}

async function newCheckout(customer: TestUser, body: Record<string, unknown> = {}) {
  const booking = await openBooking(app, customer, body)
  expect(booking.status).toBe(201)
  return booking.body.checkout.checkoutId
}

/** Nothing a customer could notice happened: no request, no charge, the checkout still open. */
async function expectNothingCreated(customer: TestUser, checkoutId: string) {
  expect(await sessionsOf(customer)).toEqual([])
  expect(await paymentsFor(checkoutId)).toEqual([])
  expect((await checkoutRow(app, checkoutId)).status).toBe('open')
}

function pay(customer: TestUser, checkoutId: string) {
  return app.call<Body<{ returnUrl: string }>>(payLocalRoute, {
    path: `/api/checkout/local/${checkoutId}/pay`,
    method: 'POST',
    cookie: customer.cookie,
    params: { id: checkoutId },
  })
}

describe('a paid booking becomes exactly one pending request', () => {
  test('one event delivered 20 times at once creates one session, one payment, one event row', async () => {
    const customer = await app.createUser()
    const checkoutId = await newCheckout(customer)
    const event = signedWebhook(await completedEventFor(app, checkoutId))

    const results = await Promise.all(Array.from({ length: 20 }, () => deliverWebhook(app, event)))

    expect(results.map((result) => result.status)).toEqual(Array(20).fill(200))
    const created = await sessionsOf(customer)
    expect(created).toHaveLength(1)
    const session = created[0]
    expect(session).toMatchObject({
      status: 'pending',
      plan: 'chat',
      mechanicId: null,
      durationSeconds: plans.chat.minutes * 60,
      concern: 'Grinding noise when braking',
    })
    const paid = await paymentsFor(checkoutId)
    expect(paid).toHaveLength(1)
    expect(paid[0]).toMatchObject({ amountCents: 999, sessionId: session?.id, refundedAt: null })
    expect(await transitionsOf(app, session?.id ?? '')).toEqual([
      { actorId: customer.id, from: null, to: 'pending', reason: 'paid', amountCents: 999 },
    ])
    expect(await checkoutRow(app, checkoutId)).toMatchObject({
      status: 'paid',
      sessionId: session?.id,
    })

    // Another event id for the same checkout (a retried payment notice) changes nothing.
    const again = await deliverWebhook(app, signedWebhook(await completedEventFor(app, checkoutId)))
    expect(again.status).toBe(200)
    expect(await sessionsOf(customer)).toHaveLength(1)
    expect(await paymentsFor(checkoutId)).toHaveLength(1)
  })

  test('the customer sees the request on their dashboard and mechanics see it in the queue', async () => {
    const customer = await app.createUser()
    const mechanic = await app.createUser({ role: 'mechanic' })
    const { sessionId } = await payForBooking(app, customer, { plan: 'diagnostic' })

    const mine = await app.call<{ sessions: { id: string; status: string; paidCents: number }[] }>(
      mySessionsRoute,
      { path: '/api/sessions', cookie: customer.cookie },
    )
    expect(mine.status).toBe(200)
    expect(mine.body.sessions).toEqual([
      expect.objectContaining({ id: sessionId, status: 'pending', paidCents: 4999 }),
    ])
    const queue = await app.call<{ requests: { sessionId: string; minutes: number }[] }>(
      queueRoute,
      { path: '/api/queue', cookie: mechanic.cookie },
    )
    expect(queue.body.requests).toContainEqual(
      expect.objectContaining({ sessionId, minutes: plans.diagnostic.minutes }),
    )
  })

  test('paying on the local checkout goes through the signed webhook and can be repeated safely', async () => {
    const customer = await app.createUser()
    const checkoutId = await newCheckout(customer)

    const first = await pay(customer, checkoutId)
    const second = await pay(customer, checkoutId)

    expect(first.status).toBe(200)
    expect(first.body.returnUrl).toBe(`/customer?booked=${checkoutId}`)
    expect(second.status).toBe(200)
    const created = await sessionsOf(customer)
    expect(created).toHaveLength(1)
    expect(created[0]?.status).toBe('pending')
    expect(await paymentsFor(checkoutId)).toHaveLength(1)
  })

  test('only the customer who opened a checkout can pay it', async () => {
    const customer = await app.createUser()
    const stranger = await app.createUser()
    const checkoutId = await newCheckout(customer)

    const result = await pay(stranger, checkoutId)

    expect(result.status).toBe(404)
    expect(result.body.error?.code).toBe('not_found')
    await expectNothingCreated(customer, checkoutId)
  })
})

describe('events the webhook refuses', () => {
  test('a bad or missing signature is a 400 and creates nothing', async () => {
    const customer = await app.createUser()
    const checkoutId = await newCheckout(customer)
    const event = signedWebhook(await completedEventFor(app, checkoutId))

    const forged = await deliverWebhook(app, {
      payload: event.payload,
      signature: event.signature.replace(/v1=[0-9a-f]{8}/, 'v1=00000000'),
    })
    const otherSecret = await deliverWebhook(
      app,
      signedWebhook(await completedEventFor(app, checkoutId), {
        secret: 'whsec_someone_elses_secret_000',
      }),
    )
    const tampered = await deliverWebhook(app, {
      payload: event.payload.replace('"amount_total":999', '"amount_total":1'),
      signature: event.signature,
    })
    const unsigned = await app.call(webhookRoute, {
      path: '/api/webhooks/stripe',
      body: event.payload,
      headers: { 'content-type': 'application/json' },
    })

    for (const result of [forged, otherSecret, tampered, unsigned]) {
      expect(result.status).toBe(400)
      expect(result.body).toMatchObject({
        error: { code: 'bad_request', message: expect.any(String) },
      })
    }
    await expectNothingCreated(customer, checkoutId)
  })

  test('an event signed more than 300 s ago is a 400; one signed 290 s ago is accepted', async () => {
    const customer = await app.createUser()
    const checkoutId = await newCheckout(customer)
    const now = Math.floor(Date.now() / 1000)

    const stale = await deliverWebhook(
      app,
      signedWebhook(await completedEventFor(app, checkoutId), { timestamp: now - 301 }),
    )
    expect(stale.status).toBe(400)
    await expectNothingCreated(customer, checkoutId)

    const late = await deliverWebhook(
      app,
      signedWebhook(await completedEventFor(app, checkoutId), { timestamp: now - 290 }),
    )
    expect(late.status).toBe(200)
    expect(await sessionsOf(customer)).toHaveLength(1)
  })

  test('an event signed more than 300 s in the future is a 400; one 290 s ahead is accepted', async () => {
    const customer = await app.createUser()
    const checkoutId = await newCheckout(customer)
    const now = Math.floor(Date.now() / 1000)

    for (const ahead of [24 * 60 * 60, 301]) {
      const future = await deliverWebhook(
        app,
        signedWebhook(await completedEventFor(app, checkoutId), { timestamp: now + ahead }),
      )
      expect(future.status).toBe(400)
      expect(future.body.error?.code).toBe('bad_request')
    }
    await expectNothingCreated(customer, checkoutId)

    const skewed = await deliverWebhook(
      app,
      signedWebhook(await completedEventFor(app, checkoutId), { timestamp: now + 290 }),
    )
    expect(skewed.status).toBe(200)
    expect(await sessionsOf(customer)).toHaveLength(1)
  })

  test.each([
    [
      'a checkout id that is not a uuid',
      (event: CompletedEvent) => ({
        ...event,
        data: {
          object: {
            ...event.data.object,
            metadata: { ...event.data.object.metadata, checkoutId: 'not-a-uuid' },
          },
        },
      }),
    ],
    [
      'a client reference that is not a uuid and no metadata',
      (event: CompletedEvent) => ({
        ...event,
        data: { object: { ...event.data.object, metadata: null, client_reference_id: '%00' } },
      }),
    ],
    ['no checkout object', (event: CompletedEvent) => ({ ...event, data: {} })],
    ['no data at all', ({ data: _data, ...event }: CompletedEvent) => event],
    [
      'an amount that is not a number',
      (event: CompletedEvent) => ({
        ...event,
        data: { object: { ...event.data.object, amount_total: '999' } },
      }),
    ],
    [
      'metadata that is not an object',
      (event: CompletedEvent) => ({
        ...event,
        data: { object: { ...event.data.object, metadata: 'checkout' } },
      }),
    ],
    [
      'an event id with a NUL character',
      (event: CompletedEvent) => ({ ...event, id: 'evt_\u0000' }),
    ],
  ])(
    'a signed completion with %s is acknowledged as rejected, never a 5xx',
    async (_case, mangle) => {
      const customer = await app.createUser()
      const checkoutId = await newCheckout(customer)
      const genuineEvent = await completedEventFor(app, checkoutId)
      const event = mangle({ ...genuineEvent, id: `${genuineEvent.id}_mangled` })

      const results = await Promise.all(
        ['checkout.session.completed', 'checkout.session.expired'].map((type) =>
          deliverWebhook(app, signedWebhook({ ...event, type })),
        ),
      )

      for (const result of results) {
        expect(result.status).toBe(200)
        expect(String(result.body.ignored)).toMatch(/^rejected: /)
      }
      await expectNothingCreated(customer, checkoutId)
      const genuine = await deliverWebhook(app, signedWebhook(genuineEvent))
      expect(genuine.status).toBe(200)
      expect(await sessionsOf(customer)).toHaveLength(1)
    },
  )

  test('an unusable event is logged as payment.rejected', async () => {
    const customer = await app.createUser()
    const checkoutId = await newCheckout(customer)
    const event = { ...(await completedEventFor(app, checkoutId)), id: 'evt_no_object', data: {} }

    await deliverWebhook(app, signedWebhook(event))

    const [row] = await app.database.db
      .select({ data: events.data })
      .from(events)
      .where(
        and(eq(events.type, 'payment.rejected'), sql`${events.data}->>'eventId' = ${event.id}`),
      )
    expect(row?.data).toMatchObject({ eventId: event.id, reason: expect.any(String) })
  })

  test('an event type it does not handle is acknowledged and ignored', async () => {
    const customer = await app.createUser()
    const checkoutId = await newCheckout(customer)
    const completed = await completedEventFor(app, checkoutId)

    const result = await deliverWebhook(
      app,
      signedWebhook({ ...completed, type: 'payment_intent.succeeded' }),
    )

    expect(result.status).toBe(200)
    expect(result.body).toMatchObject({ received: true })
    expect(String(result.body.ignored)).toContain('payment_intent.succeeded')
    await expectNothingCreated(customer, checkoutId)
  })

  test('a completed checkout that is not paid yet creates nothing', async () => {
    const customer = await app.createUser()
    const checkoutId = await newCheckout(customer)
    const event = await completedEventFor(app, checkoutId)
    event.data.object.payment_status = 'unpaid'

    const result = await deliverWebhook(app, signedWebhook(event))

    expect(result.status).toBe(200)
    await expectNothingCreated(customer, checkoutId)
  })

  test.each([
    ['amount', (object: EventObject) => ({ ...object, amount_total: 1 })],
    ['currency', (object: EventObject) => ({ ...object, currency: 'eur' })],
    [
      'plan',
      (object: EventObject) => ({
        ...object,
        metadata: { ...object.metadata, plan: 'diagnostic' },
      }),
    ],
    [
      'customer',
      (object: EventObject) => ({
        ...object,
        metadata: { ...object.metadata, customerId: 'someone-else' },
      }),
    ],
    ['provider checkout', (object: EventObject) => ({ ...object, id: 'cs_local_not_ours' })],
  ])(
    'an event whose %s disagrees with what was sold is logged as payment.rejected and creates nothing',
    async (_field, tamper) => {
      const customer = await app.createUser()
      const checkoutId = await newCheckout(customer)
      const genuineEvent = await completedEventFor(app, checkoutId)
      // A different event (Stripe never changes an event behind its id), signed as if genuine.
      const event = {
        ...genuineEvent,
        id: `${genuineEvent.id}_forged`,
        data: { object: tamper(genuineEvent.data.object) },
      }

      const result = await deliverWebhook(app, signedWebhook(event))

      expect(result.status).toBe(200)
      expect(String(result.body.ignored)).toMatch(/^rejected: .*mismatch/)
      await expectNothingCreated(customer, checkoutId)
      const rejected = await eventsOfType(app, 'payment.rejected', checkoutId)
      expect(rejected).toEqual([
        { actorId: null, data: { eventId: event.id, reason: expect.stringContaining('mismatch') } },
      ])

      // The genuine event for the same checkout still goes through afterwards.
      const genuine = await deliverWebhook(app, signedWebhook(genuineEvent))
      expect(genuine.status).toBe(200)
      expect(await sessionsOf(customer)).toHaveLength(1)
    },
  )
})

type CompletedEvent = Awaited<ReturnType<typeof completedEventFor>>
type EventObject = CompletedEvent['data']['object']

describe('cancelled and expired checkouts', () => {
  test('a cancelled checkout cannot be paid and leaves no session and no payment', async () => {
    const customer = await app.createUser()
    const checkoutId = await newCheckout(customer)

    const cancelled = await app.call(cancelRoute, {
      path: `/api/checkouts/${checkoutId}/cancel`,
      method: 'POST',
      cookie: customer.cookie,
      params: { id: checkoutId },
    })
    const paid = await pay(customer, checkoutId)

    expect(cancelled.status).toBe(200)
    expect(cancelled.body).toEqual({ cancelled: true })
    expect(paid.status).toBe(409)
    expect(paid.body.error?.code).toBe('conflict')
    expect(await sessionsOf(customer)).toEqual([])
    expect(await paymentsFor(checkoutId)).toEqual([])
    expect((await checkoutRow(app, checkoutId)).status).toBe('cancelled')
  })

  test('a payment that still arrives for a cancelled checkout is refunded, not queued', async () => {
    const customer = await app.createUser()
    const checkoutId = await newCheckout(customer)
    const event = signedWebhook(await completedEventFor(app, checkoutId))
    await app.call(cancelRoute, {
      path: `/api/checkouts/${checkoutId}/cancel`,
      method: 'POST',
      cookie: customer.cookie,
      params: { id: checkoutId },
    })

    const result = await deliverWebhook(app, event)

    expect(result.status).toBe(200)
    expect(await sessionsOf(customer)).toEqual([])
    await runJobs()
    const [payment] = await paymentsFor(checkoutId)
    expect(payment?.refundReason).toBe('checkout_cancelled')
    expect(payment?.refundedAt).toBeInstanceOf(Date)
  })

  test('cancelling a checkout that was already paid is a 409; the request and payment stay', async () => {
    const customer = await app.createUser()
    const { checkoutId, sessionId } = await payForBooking(app, customer)

    const result = await app.call(cancelRoute, {
      path: `/api/checkouts/${checkoutId}/cancel`,
      method: 'POST',
      cookie: customer.cookie,
      params: { id: checkoutId },
    })

    expect(result.status).toBe(409)
    expect(result.body.error).toMatchObject({ code: 'conflict', status: 'paid', sessionId })
    expect((await checkoutRow(app, checkoutId)).status).toBe('paid')
    expect((await sessionsOf(customer)).map((session) => session.status)).toEqual(['pending'])
    expect((await paymentsFor(checkoutId))[0]?.refundRequestedAt).toBeNull()
  })

  test("someone else's checkout cannot be cancelled", async () => {
    const customer = await app.createUser()
    const stranger = await app.createUser()
    const checkoutId = await newCheckout(customer)

    const result = await app.call(cancelRoute, {
      path: `/api/checkouts/${checkoutId}/cancel`,
      method: 'POST',
      cookie: stranger.cookie,
      params: { id: checkoutId },
    })

    expect(result.status).toBe(404)
    expect((await checkoutRow(app, checkoutId)).status).toBe('open')
  })

  test('a checkout the provider expired can no longer be paid', async () => {
    const customer = await app.createUser()
    const checkoutId = await newCheckout(customer)
    const completed = await completedEventFor(app, checkoutId)

    const expired = await deliverWebhook(
      app,
      signedWebhook({
        ...completed,
        type: 'checkout.session.expired',
        data: { object: { ...completed.data.object, status: 'expired', payment_status: 'unpaid' } },
      }),
    )

    expect(expired.status).toBe(200)
    expect((await checkoutRow(app, checkoutId)).status).toBe('cancelled')
    expect((await pay(customer, checkoutId)).status).toBe(409)
    expect(await sessionsOf(customer)).toEqual([])
  })
})

describe('a paid checkout is final', () => {
  test('an expiry event after the payment changes nothing; cancel stays a 409 and a later completion is a duplicate', async () => {
    const customer = await app.createUser()
    const { checkoutId, sessionId } = await payForBooking(app, customer)
    const completed = await completedEventFor(app, checkoutId)

    const expired = await deliverWebhook(
      app,
      signedWebhook({
        ...completed,
        id: `${completed.id}_expired`,
        type: 'checkout.session.expired',
        data: { object: { ...completed.data.object, status: 'expired', payment_status: 'unpaid' } },
      }),
    )
    expect(expired.status).toBe(200)
    expect(await checkoutRow(app, checkoutId)).toMatchObject({ status: 'paid', sessionId })

    const cancelled = await app.call(cancelRoute, {
      path: `/api/checkouts/${checkoutId}/cancel`,
      method: 'POST',
      cookie: customer.cookie,
      params: { id: checkoutId },
    })
    expect(cancelled.status).toBe(409)
    expect(cancelled.body.error).toMatchObject({ code: 'conflict', status: 'paid', sessionId })

    const later = await deliverWebhook(
      app,
      signedWebhook({ ...completed, id: `${completed.id}_again` }),
    )
    expect(later.status).toBe(200)
    expect(later.body.ignored).toBe('already processed')
    expect((await sessionsOf(customer)).map((session) => session.status)).toEqual(['pending'])
    const [payment, ...more] = await paymentsFor(checkoutId)
    expect(more).toEqual([])
    expect(payment?.refundRequestedAt).toBeNull()
  })
})

describe('paying on the local checkout reports what the webhook did', () => {
  test("a rejected event under the checkout's event id does not use it up: Pay then creates the request", async () => {
    const customer = await app.createUser()
    const checkoutId = await newCheckout(customer)
    const genuine = await completedEventFor(app, checkoutId)
    const rejected = await deliverWebhook(
      app,
      signedWebhook({ ...genuine, data: { object: { ...genuine.data.object, amount_total: 1 } } }),
    )
    expect(String(rejected.body.ignored)).toBe('rejected: amount mismatch')

    const paid = await pay(customer, checkoutId)

    expect(paid.status).toBe(200)
    expect(paid.body.returnUrl).toBe(`/customer?booked=${checkoutId}`)
    expect((await sessionsOf(customer)).map((session) => session.status)).toEqual(['pending'])
    expect(await checkoutRow(app, checkoutId)).toMatchObject({ status: 'paid' })
  })

  test('when the webhook rejects the payment, Pay answers 409 with the reason and no return URL', async () => {
    const live = await acceptedSession(app)
    await applyPresence(live.sessionId, { customer: true, mechanic: true }, live.customer.id)
    const opened = await app.call<Body<{ checkout: { checkoutId: string } }>>(extendRoute, {
      path: `/api/sessions/${live.sessionId}/extensions`,
      cookie: live.customer.cookie,
      params: { id: live.sessionId },
      body: { option: '15' },
    })
    const { checkoutId } = opened.body.checkout
    // The checkout no longer matches the price table (as if prices changed while it was open).
    await app.database.db
      .update(checkouts)
      .set({ amountCents: 1 })
      .where(eq(checkouts.id, checkoutId))

    const paid = await pay(live.customer, checkoutId)

    expect(paid.status).toBe(409)
    expect(paid.body.error).toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('price'),
    })
    expect(paid.body.returnUrl).toBeUndefined()
    expect((await checkoutRow(app, checkoutId)).status).toBe('open')
    expect(await paymentsFor(checkoutId)).toEqual([])
  })

  test('when the webhook cannot be reached, Pay is a 503 and nothing changes', async () => {
    const customer = await app.createUser()
    const checkoutId = await newCheckout(customer)

    webhookReachable = false
    const paid = await pay(customer, checkoutId).finally(() => {
      webhookReachable = true
    })

    expect(paid.status).toBe(503)
    expect(paid.body.error?.code).toBe('unavailable')
    await expectNothingCreated(customer, checkoutId)
    const retried = await pay(customer, checkoutId)
    expect(retried.status).toBe(200)
    expect(await sessionsOf(customer)).toHaveLength(1)
  })
})

describe('one active session per customer', () => {
  test('a customer with an active session cannot open a second booking', async () => {
    const customer = await app.createUser()
    const { sessionId } = await payForBooking(app, customer)

    const second = await openBooking(app, customer, { plan: 'video' })

    expect(second.status).toBe(409)
    expect(second.body.error).toMatchObject({ code: 'conflict', sessionId })
    expect(await sessionsOf(customer)).toHaveLength(1)
  })

  test('two bookings paid at once give one request; the other payment is refunded', async () => {
    const customer = await app.createUser()
    const first = await newCheckout(customer)
    const second = await newCheckout(customer, { plan: 'video' })
    const events = [
      signedWebhook(await completedEventFor(app, first)),
      signedWebhook(await completedEventFor(app, second)),
    ]

    const results = await Promise.all(events.map((event) => deliverWebhook(app, event)))

    expect(results.map((result) => result.status)).toEqual([200, 200])
    const created = await sessionsOf(customer)
    expect(created).toHaveLength(1)
    await runJobs()
    const all = [...(await paymentsFor(first)), ...(await paymentsFor(second))]
    expect(all).toHaveLength(2)
    const refunded = all.filter((payment) => payment.refundedAt)
    expect(refunded).toHaveLength(1)
    expect(refunded[0]).toMatchObject({
      refundReason: 'customer_has_active_session',
      sessionId: null,
    })
    const kept = all.find((payment) => !payment.refundedAt)
    expect(kept?.sessionId).toBe(created[0]?.id)
  })
})

describe('prices come from the server', () => {
  test.each([
    ['chat', 999],
    ['video', 2999],
    ['diagnostic', 4999],
  ] as const)(
    'a %s booking costs %i cents whatever price the client sends',
    async (plan, cents) => {
      const customer = await app.createUser()

      const checkoutId = await newCheckout(customer, {
        plan,
        price: 1,
        priceCents: 1,
        amountCents: 1,
        amount_total: 1,
      })

      expect((await checkoutRow(app, checkoutId)).amountCents).toBe(cents)
      const paid = await deliverWebhook(
        app,
        signedWebhook(await completedEventFor(app, checkoutId)),
      )
      expect(paid.status).toBe(200)
      const [payment] = await paymentsFor(checkoutId)
      expect(payment?.amountCents).toBe(cents)
    },
  )

  test('a plan the server does not sell is a 422 and opens nothing', async () => {
    const customer = await app.createUser()

    const result = await openBooking(app, customer, { plan: 'platinum', priceCents: 1 })

    expect(result.status).toBe(422)
    expect(result.body.error?.code).toBe('validation_failed')
    expect(result.body.error?.message).toContain('plan')
  })

  test.each([
    ['a NUL character in the make', { vehicle: { ...testVehicle, make: 'T\u0000' } }],
    ['a NUL character in the concern', { concern: 'Grinds\u0000 when braking' }],
    ['a lone surrogate in the model', { vehicle: { ...testVehicle, model: 'Out\ud800back' } }],
  ])('%s is a 422 and opens nothing', async (_case, body) => {
    const customer = await app.createUser()

    const result = await openBooking(app, customer, body)

    expect(result.status).toBe(422)
    expect(result.body.error?.code).toBe('validation_failed')
    const [row] = await app.database.db
      .select({ n: count() })
      .from(checkouts)
      .where(eq(checkouts.customerId, customer.id))
    expect(row?.n).toBe(0)
  })

  test('only a signed-in customer can book', async () => {
    const mechanic = await app.createUser({ role: 'mechanic' })
    const asMechanic = await openBooking(app, mechanic)
    const signedOut = await openBooking(app, { ...mechanic, cookie: '' })

    expect(asMechanic.status).toBe(403)
    expect(signedOut.status).toBe(401)
    const [row] = await app.database.db
      .select({ n: count() })
      .from(sessions)
      .where(and(eq(sessions.customerId, mechanic.id)))
    expect(row?.n).toBe(0)
  })
})
