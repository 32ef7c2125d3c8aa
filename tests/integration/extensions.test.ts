import { and, count, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { POST as endRoute } from '@/app/api/sessions/[id]/end/route'
import {
  POST as extendRoute,
  GET as listExtensionsRoute,
} from '@/app/api/sessions/[id]/extensions/route'
import { POST as webhookRoute } from '@/app/api/webhooks/stripe/route'
import { events, payments, sessionExtensions } from '@/db/schema'
import { applyPresence } from '@/features/sessions/apply-presence'
import {
  acceptedSession,
  completedEventFor,
  deliverWebhook,
  runJobs,
  type SignedEvent,
  sessionRow,
  signedWebhook,
} from '../support/sessions'
import { startTestApp, type TestApp } from '../support/test-app'

let app: TestApp

beforeAll(async () => {
  app = await startTestApp()
  // Fault injection in the database itself: inserting an extension for a listed session fails.
  await app.database.db.execute(sql`
    create table if not exists fault_injection (session_id uuid primary key)`)
  await app.database.db.execute(sql`
    create or replace function fail_injected_extension() returns trigger language plpgsql as $$
    begin
      if exists (select 1 from fault_injection where session_id = new.session_id) then
        raise exception 'injected fault for session %', new.session_id;
      end if;
      return new;
    end $$`)
  await app.database.db.execute(
    sql`drop trigger if exists fail_injected_extension on session_extensions`,
  )
  await app.database.db.execute(sql`
    create trigger fail_injected_extension before insert on session_extensions
    for each row execute function fail_injected_extension()`)
})

afterAll(async () => {
  await app.close()
})

type Live = Awaited<ReturnType<typeof acceptedSession>>

async function paidEventFor(checkoutId: string, options: { timestamp?: number } = {}) {
  return signedWebhook(await completedEventFor(app, checkoutId), options)
}

const deliver = (event: SignedEvent) => deliverWebhook(app, event)

/** Booked, paid, accepted, and both participants in: a live session through the real flow. */
async function liveSession(): Promise<Live> {
  const live = await acceptedSession(app)
  await applyPresence(live.sessionId, { customer: true, mechanic: true }, live.customer.id)
  return live
}

async function openExtension(
  live: Live,
  option: '15' | '30' | '60',
  cookie = live.customer.cookie,
) {
  return app.call<{ checkout: { checkoutId: string; url: string } }>(extendRoute, {
    path: `/api/sessions/${live.sessionId}/extensions`,
    cookie,
    params: { id: live.sessionId },
    body: { option },
  })
}

async function extensionCount(sessionId: string): Promise<number> {
  const [row] = await app.database.db
    .select({ n: count() })
    .from(sessionExtensions)
    .where(eq(sessionExtensions.sessionId, sessionId))
  return row?.n ?? 0
}

describe('extensions', () => {
  it('applies one event delivered 20 times at once exactly once', async () => {
    const live = await liveSession()
    const before = await sessionRow(app, live.sessionId)
    const opened = await openExtension(live, '15')
    expect(opened.status).toBe(201)
    const event = await paidEventFor(opened.body.checkout.checkoutId)

    const results = await Promise.all(Array.from({ length: 20 }, () => deliver(event)))
    expect(results.every((result) => result.status === 200)).toBe(true)

    const after = await sessionRow(app, live.sessionId)
    expect(await extensionCount(live.sessionId)).toBe(1)
    const addedMs = (after.expiresAt?.getTime() ?? 0) - (before.expiresAt?.getTime() ?? 0)
    expect(addedMs).toBeGreaterThanOrEqual(15 * 60_000)
    expect(addedMs).toBeLessThan(15 * 60_000 + 5_000)
    expect(after.durationSeconds).toBe(before.durationSeconds + 15 * 60)
    const [extendedEvents] = await app.database.db
      .select({ n: count() })
      .from(events)
      .where(and(eq(events.subjectId, live.sessionId), eq(events.type, 'session.extended')))
    expect(extendedEvents?.n).toBe(1)
  })

  it('applies two different extensions, whatever order their events arrive in', async () => {
    const live = await liveSession()
    const before = await sessionRow(app, live.sessionId)
    const first = await openExtension(live, '15')
    const second = await openExtension(live, '30')
    const firstEvent = await paidEventFor(first.body.checkout.checkoutId)
    const secondEvent = await paidEventFor(second.body.checkout.checkoutId)

    expect((await deliver(secondEvent)).status).toBe(200)
    expect((await deliver(firstEvent)).status).toBe(200)
    expect((await deliver(secondEvent)).status).toBe(200)

    const after = await sessionRow(app, live.sessionId)
    expect(await extensionCount(live.sessionId)).toBe(2)
    const addedMs = (after.expiresAt?.getTime() ?? 0) - (before.expiresAt?.getTime() ?? 0)
    expect(addedMs).toBeGreaterThanOrEqual(45 * 60_000)
    expect(addedMs).toBeLessThan(45 * 60_000 + 5_000)

    const listed = await app.call<{ extensions: { minutes: number; amountCents: number }[] }>(
      listExtensionsRoute,
      {
        path: `/api/sessions/${live.sessionId}/extensions`,
        cookie: live.mechanic.cookie,
        params: { id: live.sessionId },
      },
    )
    expect(listed.body.extensions.map((extension) => extension.minutes).sort()).toEqual([15, 30])
    expect(listed.body.extensions.map((extension) => extension.amountCents).sort()).toEqual([
      1499, 2499,
    ])
  })

  it('refuses a bad signature or a stale timestamp with 400 and applies nothing', async () => {
    const live = await liveSession()
    const opened = await openExtension(live, '60')
    const good = await paidEventFor(opened.body.checkout.checkoutId)

    const forged = await deliver({
      payload: good.payload,
      signature: good.signature.replace(/v1=\w{6}/, 'v1=000000'),
    })
    expect(forged.status).toBe(400)
    expect(forged.body.error?.code).toBe('bad_request')

    const tampered = await deliver({
      payload: good.payload.replace('"amount_total":3999', '"amount_total":1'),
      signature: good.signature,
    })
    expect(tampered.status).toBe(400)

    const stale = await paidEventFor(opened.body.checkout.checkoutId, {
      timestamp: Math.floor(Date.now() / 1000) - 301,
    })
    expect((await deliver(stale)).status).toBe(400)

    const unsigned = await app.call(webhookRoute, {
      path: '/api/webhooks/stripe',
      body: good.payload,
    })
    expect(unsigned.status).toBe(400)

    expect(await extensionCount(live.sessionId)).toBe(0)
  })

  it('acknowledges an event type it does not handle and ignores it', async () => {
    const result = await deliver(
      signedWebhook({
        id: `evt_test_${crypto.randomUUID()}`,
        object: 'event',
        type: 'customer.created',
        data: { object: { id: 'cus_123', object: 'customer' } },
      }),
    )
    expect(result.status).toBe(200)
    expect(result.body).toMatchObject({ received: true })
    expect(String(result.body.ignored)).toContain('customer.created')
  })

  it('refunds a payment that completes after the session ended', async () => {
    const live = await liveSession()
    const opened = await openExtension(live, '15')
    const ended = await app.call(endRoute, {
      path: `/api/sessions/${live.sessionId}/end`,
      method: 'POST',
      cookie: live.mechanic.cookie,
      params: { id: live.sessionId },
    })
    expect(ended.status).toBe(200)
    const endedRow = await sessionRow(app, live.sessionId)

    expect((await deliver(await paidEventFor(opened.body.checkout.checkoutId))).status).toBe(200)

    expect(await extensionCount(live.sessionId)).toBe(0)
    expect((await sessionRow(app, live.sessionId)).expiresAt).toEqual(endedRow.expiresAt)
    await runJobs()
    const [payment] = await app.database.db
      .select()
      .from(payments)
      .where(eq(payments.checkoutId, opened.body.checkout.checkoutId))
    expect(payment?.refundedAt).toBeInstanceOf(Date)
    expect(payment?.refundReason).toBe('session_already_ended')
    const refundEvents = await app.database.db
      .select({ type: events.type })
      .from(events)
      .where(and(eq(events.subjectId, live.sessionId), eq(events.type, 'extension.refunded')))
    expect(refundEvents).toHaveLength(1)
  })

  it('answers 5xx and records nothing when fulfilment fails, then succeeds on redelivery', async () => {
    const live = await liveSession()
    const before = await sessionRow(app, live.sessionId)
    const opened = await openExtension(live, '30')
    const event = await paidEventFor(opened.body.checkout.checkoutId)

    await app.database.db.execute(
      sql`insert into fault_injection (session_id) values (${live.sessionId})`,
    )
    const failed = await deliver(event)
    expect(failed.status).toBe(500)
    expect(failed.body.error?.code).toBe('internal')
    expect(await extensionCount(live.sessionId)).toBe(0)
    const [unpaid] = await app.database.db
      .select()
      .from(payments)
      .where(eq(payments.checkoutId, opened.body.checkout.checkoutId))
    expect(unpaid).toBeUndefined()
    expect((await sessionRow(app, live.sessionId)).expiresAt).toEqual(before.expiresAt)

    await app.database.db.execute(
      sql`delete from fault_injection where session_id = ${live.sessionId}`,
    )
    const retried = await deliver(event)
    expect(retried.status).toBe(200)
    expect(await extensionCount(live.sessionId)).toBe(1)
  })

  it('lets only the customer of a running session open an extension', async () => {
    const live = await liveSession()
    const stranger = await app.createUser({ role: 'customer' })
    expect((await openExtension(live, '15', stranger.cookie)).status).toBe(404)
    expect((await openExtension(live, '15', live.mechanic.cookie)).status).toBe(403)
    const badOption = await app.call(extendRoute, {
      path: `/api/sessions/${live.sessionId}/extensions`,
      cookie: live.customer.cookie,
      params: { id: live.sessionId },
      body: { option: '45', priceCents: 1 },
    })
    expect(badOption.status).toBe(422)
  })

  it('rejects an event whose metadata disagrees with what was sold and applies nothing', async () => {
    const live = await liveSession()
    const other = await liveSession()
    const opened = await openExtension(live, '15')
    const event = await completedEventFor(app, opened.body.checkout.checkoutId)
    event.data.object.metadata.sessionId = other.sessionId
    const result = await deliver(signedWebhook(event))
    expect(result.status).toBe(200)
    expect(String(result.body.ignored)).toContain('rejected')
    expect(await extensionCount(live.sessionId)).toBe(0)
    expect(await extensionCount(other.sessionId)).toBe(0)
  })
})
