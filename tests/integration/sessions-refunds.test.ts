import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { POST as endRoute } from '@/app/api/sessions/[id]/end/route'
import { jobs, payments } from '@/db/schema'
import { runDueJobs } from '@/features/jobs/run-due-jobs'
import { createLocalProvider } from '@/features/payments/local-provider'
import {
  type PaymentsProvider,
  paymentsProvider,
  setPaymentsProvider,
} from '@/features/payments/provider'
import { jobRegistry } from '@/server/job-registry'
import { eventsOfType, payForBooking, sessionRow } from '../support/sessions'
import { startTestApp, type TestApp } from '../support/test-app'

let app: TestApp
const refundCalls: Parameters<PaymentsProvider['refund']>[0][] = []
let providerDown = true

beforeAll(async () => {
  app = await startTestApp()
  // The real local provider, except that its refunds fail while `providerDown` is set.
  const local = createLocalProvider({ webhookSecret: paymentsProvider().webhookSecret })
  setPaymentsProvider({
    ...local,
    async refund(input) {
      refundCalls.push(input)
      if (providerDown) throw new Error('the payment provider is unavailable')
      return local.refund(input)
    },
  })
})

afterAll(async () => {
  setPaymentsProvider(undefined)
  await app.close()
})

async function paymentOf(sessionId: string) {
  const [payment] = await app.database.db
    .select()
    .from(payments)
    .where(eq(payments.sessionId, sessionId))
  if (!payment) throw new Error('no payment')
  return payment
}

async function refundJob(key: string) {
  const [job] = await app.database.db.select().from(jobs).where(eq(jobs.key, key))
  return job
}

describe('refunds when the provider fails', () => {
  test('ending still works; the refund is retried later, once, under the same idempotency key', async () => {
    const customer = await app.createUser()
    const { sessionId } = await payForBooking(app, customer)

    const ended = await app.call<{ session: { status: string } }>(endRoute, {
      path: `/api/sessions/${sessionId}/end`,
      method: 'POST',
      cookie: customer.cookie,
      params: { id: sessionId },
    })

    expect(ended.status).toBe(200)
    expect(ended.body.session.status).toBe('cancelled')
    expect((await sessionRow(app, sessionId)).status).toBe('cancelled')
    const pending = await paymentOf(sessionId)
    expect(pending.refundRequestedAt).toBeInstanceOf(Date)
    expect(pending.refundedAt).toBeNull()
    expect(await eventsOfType(app, 'payment.refunded', sessionId)).toEqual([])

    // The refund is a job written with the cancellation; the worker's first try fails.
    const key = `payment.refund:${pending.id}`
    await runDueJobs(jobRegistry)
    expect(await refundJob(key)).toMatchObject({ status: 'pending', attempts: 1 })
    expect((await paymentOf(sessionId)).refundedAt).toBeNull()

    providerDown = false
    // A refund that only just failed is left alone until its retry is due.
    await runDueJobs(jobRegistry)
    expect((await paymentOf(sessionId)).refundedAt).toBeNull()

    await app.database.db
      .update(jobs)
      .set({ runAt: new Date(Date.now() - 1000) })
      .where(eq(jobs.key, key))
    await Promise.all([runDueJobs(jobRegistry), runDueJobs(jobRegistry)])

    expect(await refundJob(key)).toMatchObject({ status: 'done', attempts: 2 })
    const refunded = await paymentOf(sessionId)
    expect(refunded.refundedAt).toBeInstanceOf(Date)
    expect(refunded.providerRefundId).toEqual(expect.any(String))
    expect(await eventsOfType(app, 'payment.refunded', sessionId)).toEqual([
      {
        actorId: null,
        data: { paymentId: pending.id, amountCents: 999, reason: 'ended_by_customer' },
      },
    ])
    const calls = refundCalls.filter((call) => call.idempotencyKey === `refund-${pending.id}`)
    expect(calls.length).toBeGreaterThanOrEqual(2)
    expect(calls.every((call) => call.amountCents === 999)).toBe(true)
    expect(
      refundCalls.filter((call) => call.providerPaymentId === pending.providerPaymentId),
    ).toEqual(calls)
  })
})
