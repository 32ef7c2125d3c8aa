import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { GET as waitOutlookRoute } from '@/app/api/wait-outlook/route'
import type { WaitOutlook } from '@/features/sessions/get-wait-outlook'
import {
  acceptAs,
  type Body,
  insertSession,
  insertUser,
  payForBooking,
  type SocketTestServer,
  startSocketServer,
} from '../support/sessions'
import { startTestApp, type TestApp, type TestUser } from '../support/test-app'

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

function outlookFor(user: TestUser) {
  return app.call<Body<WaitOutlook>>(waitOutlookRoute, {
    path: '/api/wait-outlook',
    cookie: user.cookie,
  })
}

describe('a waiting customer is told who could take the request and how long waits are', () => {
  test('the typical wait is the median of the latest 50 accepts of the last 30 days', async () => {
    const customer = await app.createUser({ role: 'customer' })
    const [customerId, mechanicId] = [await insertUser(app), await insertUser(app, 'mechanic')]
    const accepted = async (acceptedAtMs: number, waitedSeconds: number) => {
      await insertSession(app, {
        customerId,
        mechanicId,
        status: 'completed',
        requestedAt: new Date(acceptedAtMs - waitedSeconds * 1000),
        acceptedAt: new Date(acceptedAtMs),
      })
    }
    const start = Date.now()
    // Beyond the latest 50, and beyond 30 days: neither counts.
    await accepted(start - 2 * 24 * 3600_000, 5 * 3600)
    await accepted(start - 40 * 24 * 3600_000, 5 * 3600)
    // The latest 50, newer than any accept made before this test (other files share the database
    // on PostgreSQL): 1 and 3 minutes, half each.
    for (let i = 0; i < 50; i++) await accepted(start + i, i % 2 === 0 ? 60 : 180)

    const { status, body } = await outlookFor(customer)
    expect(status).toBe(200)
    expect(body).toMatchObject({ typicalWaitSeconds: 120, basedOn: 50 })
  })

  test('mechanics count as available while they have the site open and no session', async () => {
    const customer = await app.createUser({ role: 'customer' })
    const before = (await outlookFor(customer)).body.mechanicsAvailable

    const [free, busy, unapproved] = await Promise.all([
      app.createUser({ role: 'mechanic' }),
      app.createUser({ role: 'mechanic' }),
      app.createUser({ role: 'mechanic', approved: false }),
    ])
    const freeTabs = [await sockets.connect(free.cookie), await sockets.connect(free.cookie)]
    const busyTab = await sockets.connect(busy.cookie)
    const unapprovedTab = await sockets.connect(unapproved.cookie)
    // Two tabs are one mechanic; one awaiting approval cannot take work.
    expect((await outlookFor(customer)).body.mechanicsAvailable).toBe(before + 2)

    const other = await app.createUser({ role: 'customer' })
    const { sessionId } = await payForBooking(app, other)
    expect((await acceptAs(app, busy, sessionId)).status).toBe(200)
    expect((await outlookFor(customer)).body.mechanicsAvailable).toBe(before + 1)

    for (const tab of [...freeTabs, busyTab, unapprovedTab]) tab.close()
    await expect.poll(async () => (await outlookFor(customer)).body.mechanicsAvailable).toBe(before)
  })

  test('only customers may ask', async () => {
    const [mechanic, admin] = await Promise.all([
      app.createUser({ role: 'mechanic' }),
      app.createUser({ role: 'admin' }),
    ])
    expect((await outlookFor(mechanic)).status).toBe(403)
    expect((await outlookFor(admin)).status).toBe(403)
    const anonymous = await app.call(waitOutlookRoute, { path: '/api/wait-outlook' })
    expect(anonymous.status).toBe(401)
  })
})
