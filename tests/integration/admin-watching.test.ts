import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import type { WatchedEvent } from '@/features/realtime/contract'
import { ackData, liveRoom, type SocketTestServer, startSocketServer } from '../support/sessions'
import { startTestApp, type TestApp } from '../support/test-app'

vi.hoisted(() => {
  process.env.PRESENCE_GRACE_SECONDS = '0.2'
})

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

describe('participants are told while an admin watches the room', () => {
  test('the watch starts when an admin joins and stops when the last admin leaves or drops', async () => {
    const room = await liveRoom(app, sockets)
    expect(room.customerJoin.watched).toBe(false)
    const admin = await app.createUser({ role: 'admin' })
    const first = await sockets.connect(admin.cookie)
    const second = await sockets.connect(admin.cookie)

    ackData(await first.join(room.sessionId))
    const watching = { sessionId: room.sessionId, watched: true }
    expect(await room.customerClient.waitFor('session:watched')).toEqual(watching)
    expect(await room.mechanicClient.waitFor('session:watched')).toEqual(watching)

    // Someone joining while the admin is there learns it from the join answer.
    const again = await sockets.connect(room.customer.cookie)
    expect(ackData(await again.join(room.sessionId)).watched).toBe(true)

    ackData(await second.join(room.sessionId))
    ackData(await first.request('session:leave', { sessionId: room.sessionId }))
    // Another admin still watches: nobody is told it stopped.
    await expect(
      room.customerClient.waitFor<WatchedEvent>('session:watched', (e) => !e.watched, 500),
    ).rejects.toThrow()

    second.close()
    expect(
      await room.mechanicClient.waitFor<WatchedEvent>('session:watched', (e) => !e.watched),
    ).toEqual({ sessionId: room.sessionId, watched: false })
    for (const client of [first, again, room.customerClient, room.mechanicClient]) client.close()
  })

  test('an admin watching changes nothing in the session and is not shown as present', async () => {
    const room = await liveRoom(app, sockets)
    const admin = await app.createUser({ role: 'admin' })
    const watcher = await sockets.connect(admin.cookie)
    const joined = ackData(await watcher.join(room.sessionId))
    expect(joined.role).toBe('admin')
    expect(joined.state.status).toBe('live')
    await room.customerClient.waitFor('session:watched')
    expect(
      room.customerClient.all('presence', (p: { userId: string }) => p.userId === admin.id),
    ).toEqual([])
    for (const client of [watcher, room.customerClient, room.mechanicClient]) client.close()
  })
})
