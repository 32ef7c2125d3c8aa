import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { GET as queueRoute } from '@/app/api/queue/route'
import { POST as endRoute } from '@/app/api/sessions/[id]/end/route'
import type { QueueItem } from '@/features/sessions/list-queue'
import {
  acceptAs,
  acceptedSession,
  payForBooking,
  sessionRow,
  transitionsOf,
} from '../support/sessions'
import { startTestApp, type TestApp, type TestUser } from '../support/test-app'

let app: TestApp

beforeAll(async () => {
  app = await startTestApp()
})

afterAll(() => app.close())

function queueAs(user: TestUser) {
  return app.call<{ requests: QueueItem[] }>(queueRoute, {
    path: '/api/queue',
    cookie: user.cookie,
  })
}

async function queuedIds(mechanic: TestUser): Promise<string[]> {
  const queue = await queueAs(mechanic)
  expect(queue.status).toBe(200)
  return queue.body.requests.map((request) => request.sessionId)
}

describe('accepting a request', () => {
  test('ten mechanics accepting at once: exactly one wins, nine are told it was taken', async () => {
    const customer = await app.createUser()
    const mechanics = await Promise.all(
      Array.from({ length: 10 }, () => app.createUser({ role: 'mechanic' })),
    )
    const { sessionId } = await payForBooking(app, customer)
    expect(await queuedIds(mechanics[0] as TestUser)).toContain(sessionId)

    const results = await Promise.all(
      mechanics.map((mechanic) => acceptAs(app, mechanic, sessionId)),
    )

    const won = results.filter((result) => result.status === 200)
    const lost = results.filter((result) => result.status !== 200)
    expect(won).toHaveLength(1)
    expect(lost).toHaveLength(9)
    for (const result of lost) {
      expect(result.status).toBe(409)
      expect(result.body).toMatchObject({
        error: { code: 'conflict', message: expect.stringMatching(/taken/i), status: 'accepted' },
      })
    }
    const winner = mechanics[results.findIndex((result) => result.status === 200)]
    expect(won[0]?.body.session).toEqual({
      id: sessionId,
      status: 'accepted',
      roomPath: `/chat/${sessionId}`,
    })
    expect((await sessionRow(app, sessionId)).mechanicId).toBe(winner?.id)
    expect(await transitionsOf(app, sessionId)).toEqual([
      expect.objectContaining({ from: null, to: 'pending' }),
      { actorId: winner?.id, from: 'pending', to: 'accepted', reason: 'mechanic_accepted' },
    ])
    for (const mechanic of mechanics) expect(await queuedIds(mechanic)).not.toContain(sessionId)
  })

  test('a request the customer withdrew is reported as no longer available, not as taken', async () => {
    const customer = await app.createUser()
    const mechanic = await app.createUser({ role: 'mechanic' })
    const { sessionId } = await payForBooking(app, customer)
    const withdrawn = await app.call(endRoute, {
      path: `/api/sessions/${sessionId}/end`,
      method: 'POST',
      cookie: customer.cookie,
      params: { id: sessionId },
    })
    expect(withdrawn.status).toBe(200)

    const result = await acceptAs(app, mechanic, sessionId)

    expect(result.status).toBe(409)
    expect(result.body.error).toMatchObject({ code: 'conflict', status: 'cancelled' })
    expect(result.body.error?.message).not.toMatch(/taken/i)
    expect(result.body.error?.message).toMatch(/no longer available/i)
    expect((await sessionRow(app, sessionId)).mechanicId).toBeNull()
  })

  test('a video request is accepted into the video room', async () => {
    const customer = await app.createUser()
    const mechanic = await app.createUser({ role: 'mechanic' })
    const { sessionId } = await payForBooking(app, customer, { plan: 'video' })

    const result = await acceptAs(app, mechanic, sessionId)

    expect(result.status).toBe(200)
    expect(result.body.session.roomPath).toBe(`/video/${sessionId}`)
  })

  test('a mechanic awaiting approval can neither see the queue nor accept', async () => {
    const customer = await app.createUser()
    const unapproved = await app.createUser({ role: 'mechanic', approved: false })
    const { sessionId } = await payForBooking(app, customer)

    const queue = await queueAs(unapproved)
    const accepted = await acceptAs(app, unapproved, sessionId)

    for (const result of [queue, accepted]) {
      expect(result.status).toBe(403)
      expect(result.body).toMatchObject({
        error: { code: 'forbidden', message: expect.any(String) },
      })
    }
    expect((await sessionRow(app, sessionId)).status).toBe('pending')
  })

  test('a mechanic with an active session cannot accept another', async () => {
    const busy = await acceptedSession(app)
    const customer = await app.createUser()
    const { sessionId } = await payForBooking(app, customer)

    const result = await acceptAs(app, busy.mechanic, sessionId)

    expect(result.status).toBe(409)
    expect(result.body.error).toMatchObject({ code: 'conflict', sessionId: busy.sessionId })
    expect((await sessionRow(app, sessionId)).status).toBe('pending')
  })

  test('one mechanic accepting two requests at once gets one of them and a 409 for the other', async () => {
    const mechanic = await app.createUser({ role: 'mechanic' })
    const [first, second] = await Promise.all([app.createUser(), app.createUser()])
    const requests = await Promise.all([
      payForBooking(app, first as TestUser),
      payForBooking(app, second as TestUser),
    ])

    const results = await Promise.all(
      requests.map(({ sessionId }) => acceptAs(app, mechanic, sessionId)),
    )

    expect(results.map((result) => result.status).sort()).toEqual([200, 409])
    const rows = await Promise.all(requests.map(({ sessionId }) => sessionRow(app, sessionId)))
    expect(rows.map((row) => row.status).sort()).toEqual(['accepted', 'pending'])
    const loser = results.find((result) => result.status === 409)
    expect(loser?.body.error?.code).toBe('conflict')
  })

  test('customers and admins cannot accept; signed out is a 401', async () => {
    const owner = await app.createUser()
    const otherCustomer = await app.createUser()
    const admin = await app.createUser({ role: 'admin' })
    const { sessionId } = await payForBooking(app, owner)

    const asOwner = await acceptAs(app, owner, sessionId)
    const asOther = await acceptAs(app, otherCustomer, sessionId)
    const asAdmin = await acceptAs(app, admin, sessionId)
    const signedOut = await acceptAs(app, { ...owner, cookie: '' }, sessionId)

    for (const result of [asOwner, asOther, asAdmin]) {
      expect(result.status).toBe(403)
      expect(result.body.error?.code).toBe('forbidden')
    }
    expect(signedOut.status).toBe(401)
    expect(signedOut.body.error?.code).toBe('unauthenticated')
    expect((await queueAs(otherCustomer)).status).toBe(403)
    expect((await sessionRow(app, sessionId)).status).toBe('pending')
  })

  test('accepting a request that does not exist is a 404', async () => {
    const mechanic = await app.createUser({ role: 'mechanic' })

    for (const id of [crypto.randomUUID(), 'not-a-uuid']) {
      const result = await acceptAs(app, mechanic, id)
      expect(result.status).toBe(404)
      expect(result.body.error?.code).toBe('not_found')
    }
  })

  test('the queue lists paid requests oldest first with what a mechanic needs to decide', async () => {
    const mechanic = await app.createUser({ role: 'mechanic' })
    const [first, second] = [await app.createUser(), await app.createUser()]
    const older = await payForBooking(app, first)
    const newer = await payForBooking(app, second, { plan: 'diagnostic' })

    const queue = await queueAs(mechanic)
    const ids = queue.body.requests.map((request) => request.sessionId)

    expect(ids.indexOf(older.sessionId)).toBeLessThan(ids.indexOf(newer.sessionId))
    expect(queue.body.requests.find((r) => r.sessionId === newer.sessionId)).toMatchObject({
      plan: 'diagnostic',
      type: 'video',
      minutes: 60,
      vehicle: { year: 2016, make: 'Subaru', model: 'Outback' },
      concern: 'Grinding noise when braking',
    })
    // The queue never shows who the customer is.
    expect(JSON.stringify(queue.body)).not.toContain(first.email)
  })
})
