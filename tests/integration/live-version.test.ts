import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { LiveVersion } from '@/features/realtime/contract'
import {
  acceptAs,
  ackData,
  payForBooking,
  type RoomClient,
  type SocketTestServer,
  startSocketServer,
} from '../support/sessions'
import { startTestApp, type TestApp } from '../support/test-app'

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

async function versionOf(client: RoomClient, scope: object): Promise<number> {
  return ackData(await client.request<LiveVersion>('live:version', scope)).version
}

describe('the version a live page compares on connect', () => {
  test("grows with every change to the user's sessions and not with other people's", async () => {
    const [customer, stranger, mechanic] = await Promise.all([
      app.createUser(),
      app.createUser(),
      app.createUser({ role: 'mechanic' }),
    ])
    const [customerSocket, strangerSocket] = await Promise.all([
      sockets.connect(customer.cookie),
      sockets.connect(stranger.cookie),
    ])
    const before = await versionOf(customerSocket, { kind: 'mine' })
    const strangerBefore = await versionOf(strangerSocket, { kind: 'mine' })

    const { sessionId } = await payForBooking(app, customer)
    const paid = await versionOf(customerSocket, { kind: 'mine' })
    expect(paid).toBeGreaterThan(before)
    expect((await acceptAs(app, mechanic, sessionId)).status).toBe(200)
    expect(await versionOf(customerSocket, { kind: 'mine' })).toBeGreaterThan(paid)
    expect(await versionOf(customerSocket, { kind: 'session', sessionId })).toBeGreaterThan(0)

    expect(await versionOf(strangerSocket, { kind: 'mine' })).toBe(strangerBefore)
    customerSocket.close()
    strangerSocket.close()
  })

  test('an admin sees every change; nobody else may ask for all, or for a session not theirs', async () => {
    const [customer, stranger, admin] = await Promise.all([
      app.createUser(),
      app.createUser(),
      app.createUser({ role: 'admin' }),
    ])
    const [adminSocket, strangerSocket] = await Promise.all([
      sockets.connect(admin.cookie),
      sockets.connect(stranger.cookie),
    ])
    const before = await versionOf(adminSocket, { kind: 'all' })
    const { sessionId } = await payForBooking(app, customer)
    expect(await versionOf(adminSocket, { kind: 'all' })).toBeGreaterThan(before)
    expect(await versionOf(adminSocket, { kind: 'session', sessionId })).toBeGreaterThan(0)

    expect(await strangerSocket.request('live:version', { kind: 'all' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    })
    for (const id of [sessionId, 'not-a-uuid']) {
      expect(
        await strangerSocket.request('live:version', { kind: 'session', sessionId: id }),
      ).toMatchObject({ ok: false, error: { code: 'not_found' } })
    }
    expect(await strangerSocket.request('live:version', { kind: 'everything' })).toMatchObject({
      ok: false,
      error: { code: 'validation_failed' },
    })
    adminSocket.close()
    strangerSocket.close()
  })
})
