import { eq, like } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { POST as approvePost } from '@/app/api/admin/mechanics/[id]/approve/route'
import { POST as endRoute } from '@/app/api/sessions/[id]/end/route'
import { POST as extendRoute } from '@/app/api/sessions/[id]/extensions/route'
import { jobs, payments } from '@/db/schema'
import { formatEmailAmount } from '@/features/mail/email-templates'
import { applyPresence } from '@/features/sessions/apply-presence'
import {
  acceptedSession,
  completedEventFor,
  deliverWebhook,
  openBooking,
  payForBooking,
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

type EmailPayload = { key: string; to: string; subject: string; text: string; html: string }

/** The queued email with this key (without the outbox's `mail:` prefix), or undefined. */
async function queuedEmail(key: string): Promise<EmailPayload | undefined> {
  const [job] = await app.database.db
    .select({ payload: jobs.payload, kind: jobs.kind })
    .from(jobs)
    .where(eq(jobs.key, `mail:${key}`))
  if (!job) return undefined
  expect(job.kind).toBe('mail.send')
  return job.payload as EmailPayload
}

async function emailKeysLike(pattern: string): Promise<string[]> {
  const rows = await app.database.db
    .select({ key: jobs.key })
    .from(jobs)
    .where(like(jobs.key, pattern))
  return rows.map((row) => row.key ?? '')
}

async function paymentsOf(sessionId: string) {
  return app.database.db.select().from(payments).where(eq(payments.sessionId, sessionId))
}

function end(sessionId: string, cookie: string) {
  return app.call(endRoute, {
    path: `/api/sessions/${sessionId}/end`,
    method: 'POST',
    cookie,
    params: { id: sessionId },
  })
}

describe('emails written with the change that causes them', () => {
  test('a paid booking queues one receipt that matches the payments table to the cent', async () => {
    const customer = await app.createUser()
    const { sessionId } = await payForBooking(app, customer, { plan: 'video' })
    const [payment] = await paymentsOf(sessionId)
    if (!payment) throw new Error('no payment')

    const receipt = await queuedEmail(`receipt:${payment.id}`)
    const amount = formatEmailAmount(payment.amountCents, payment.currency)
    expect(payment.amountCents).toBe(2999)
    expect(receipt).toMatchObject({
      to: customer.email,
      subject: `Receipt: Video session, ${amount}`,
    })
    expect(receipt?.text).toContain(`Amount paid: ${amount}`)
    expect(receipt?.text).toContain('Video (45 minutes)')
    expect(receipt?.html).toContain(amount)
    expect(await emailKeysLike(`mail:refund-notice:${payment.id}`)).toEqual([])
  })

  test('accepting a request emails the customer the Join link', async () => {
    const { sessionId, customer, mechanic } = await acceptedSession(app)
    const email = await queuedEmail(`request-accepted:${sessionId}`)
    expect(email?.to).toBe(customer.email)
    expect(email?.subject).toBe(`${mechanic.name} accepted your request`)
    expect(email?.text).toContain(`Join the session: ${app.context.env.appUrl}/chat/${sessionId}`)
  })

  test('a cancelled session queues a refund notice, and a booking not taken gets no receipt', async () => {
    const customer = await app.createUser()
    const { sessionId } = await payForBooking(app, customer)
    expect((await end(sessionId, customer.cookie)).status).toBe(200)
    const [payment] = await paymentsOf(sessionId)
    const notice = await queuedEmail(`refund-notice:${payment?.id}`)
    expect(notice?.subject).toBe('Refund of $9.99 USD')
    expect(notice?.text).toContain('cancelled')

    // Two bookings opened together and both paid: the second is refunded, not taken.
    const active = await app.createUser()
    const first = await openBooking(app, active)
    const second = await openBooking(app, active)
    for (const opened of [first, second]) {
      const event = signedWebhook(await completedEventFor(app, opened.body.checkout.checkoutId))
      expect((await deliverWebhook(app, event)).status).toBe(200)
    }
    const [refused] = await app.database.db
      .select()
      .from(payments)
      .where(eq(payments.checkoutId, second.body.checkout.checkoutId))
    expect(refused?.refundReason).toBe('customer_has_active_session')
    expect(await queuedEmail(`receipt:${refused?.id}`)).toBeUndefined()
    const notTaken = await queuedEmail(`refund-notice:${refused?.id}`)
    expect(notTaken?.to).toBe(active.email)
    expect(notTaken?.text).toContain('this booking was not taken')
  })

  test('a paid extension queues its receipt; one paid after the end is refunded with a notice', async () => {
    const live = await acceptedSession(app)
    await applyPresence(live.sessionId, { customer: true, mechanic: true }, live.customer.id)
    const extend = () =>
      app.call<{ checkout: { checkoutId: string } }>(extendRoute, {
        path: `/api/sessions/${live.sessionId}/extensions`,
        cookie: live.customer.cookie,
        params: { id: live.sessionId },
        body: { option: '15' },
      })
    const paymentFor = async (checkoutId: string) => {
      await deliverWebhook(app, signedWebhook(await completedEventFor(app, checkoutId)))
      const [payment] = await app.database.db
        .select()
        .from(payments)
        .where(eq(payments.checkoutId, checkoutId))
      return payment
    }
    const kept = await paymentFor((await extend()).body.checkout.checkoutId)
    expect(kept?.amountCents).toBe(1499)
    const receipt = await queuedEmail(`receipt:${kept?.id}`)
    expect(receipt?.subject).toBe('Receipt: 15 more minutes, $14.99 USD')

    // Paid only after the session ended: the money goes back, with a notice and no receipt.
    const late = await extend()
    expect((await end(live.sessionId, live.customer.cookie)).status).toBe(200)
    const refunded = await paymentFor(late.body.checkout.checkoutId)
    expect(await queuedEmail(`receipt:${refunded?.id}`)).toBeUndefined()
    const notice = await queuedEmail(`refund-notice:${refunded?.id}`)
    expect(notice?.subject).toBe('Refund of $14.99 USD')
    expect(notice?.text).toContain('had already ended')
  })

  test('approving a mechanic emails them once', async () => {
    const admin = await app.createUser({ role: 'admin' })
    const mechanic = await app.createUser({ role: 'mechanic', approved: false })
    const approved = await app.call(approvePost, {
      path: `/api/admin/mechanics/${mechanic.id}/approve`,
      method: 'POST',
      params: { id: mechanic.id },
      cookie: admin.cookie,
    })
    expect(approved.status).toBe(200)
    const email = await queuedEmail(`mechanic-approved:${mechanic.id}`)
    expect(email).toMatchObject({
      to: mechanic.email,
      subject: 'Your mechanic account is approved',
    })
  })
})
