import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { POST as endRoute } from '@/app/api/sessions/[id]/end/route'
import { POST as extendRoute } from '@/app/api/sessions/[id]/extensions/route'
import { payments } from '@/db/schema'
import { applyPresence } from '@/features/sessions/apply-presence'
import {
  acceptedSession,
  completedEventFor,
  deliverWebhook,
  runJobs,
  setSessionColumns,
  signedWebhook,
} from '../support/sessions'
import { startTestApp, type TestApp } from '../support/test-app'

let app: TestApp

beforeAll(async () => {
  app = await startTestApp()
})

afterAll(async () => {
  await app.close()
})

type Live = Awaited<ReturnType<typeof acceptedSession>>

async function liveSession(): Promise<Live> {
  const live = await acceptedSession(app)
  await applyPresence(live.sessionId, { customer: true, mechanic: true }, live.customer.id)
  return live
}

async function buyExtension(live: Live, option: '15' | '30'): Promise<string> {
  const opened = await app.call<{ checkout: { checkoutId: string } }>(extendRoute, {
    path: `/api/sessions/${live.sessionId}/extensions`,
    cookie: live.customer.cookie,
    params: { id: live.sessionId },
    body: { option },
  })
  expect(opened.status).toBe(201)
  const { checkoutId } = opened.body.checkout
  const paid = await deliverWebhook(app, signedWebhook(await completedEventFor(app, checkoutId)))
  expect(paid.status).toBe(200)
  return checkoutId
}

async function paymentOf(checkoutId: string) {
  const [row] = await app.database.db
    .select({
      refundReason: payments.refundReason,
      refundRequestedAt: payments.refundRequestedAt,
      refundedAt: payments.refundedAt,
    })
    .from(payments)
    .where(eq(payments.checkoutId, checkoutId))
  if (!row) throw new Error('no payment for the checkout')
  return row
}

function minutesFromNow(minutes: number): Date {
  return new Date(Date.now() + minutes * 60_000)
}

function end(live: Live, cookie: string) {
  return app.call(endRoute, {
    path: `/api/sessions/${live.sessionId}/end`,
    cookie,
    params: { id: live.sessionId },
    body: {},
  })
}

describe('ending early with paid extension time left (ADR 0043)', () => {
  test('an extension the clock never reached is refunded; the booking is not', async () => {
    const live = await liveSession()
    const checkoutId = await buyExtension(live, '15')
    // Ten minutes in: 16 min left, so the +15 min was never reached.
    await setSessionColumns(app, live.sessionId, {
      startedAt: minutesFromNow(-10),
      expiresAt: minutesFromNow(16),
    })

    expect((await end(live, live.customer.cookie)).status).toBe(200)
    await runJobs()

    expect(await paymentOf(checkoutId)).toMatchObject({ refundReason: 'ended_by_customer' })
    expect((await paymentOf(checkoutId)).refundedAt).not.toBeNull()
    expect((await paymentOf(live.checkoutId)).refundRequestedAt).toBeNull()
  })

  test('a partly used extension is kept, and only whole unused ones go back, newest first', async () => {
    const live = await liveSession()
    const older = await buyExtension(live, '30')
    const newer = await buyExtension(live, '15')
    // 40 min left: the newest +15 is wholly unused, the +30 before it is partly used (25 of 30).
    await setSessionColumns(app, live.sessionId, {
      startedAt: minutesFromNow(-35),
      expiresAt: minutesFromNow(40),
    })

    expect((await end(live, live.mechanic.cookie)).status).toBe(200)
    await runJobs()

    expect(await paymentOf(newer)).toMatchObject({ refundReason: 'ended_by_mechanic' })
    expect((await paymentOf(older)).refundRequestedAt).toBeNull()
  })
})
