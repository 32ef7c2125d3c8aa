import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { POST as authPost } from '@/app/api/auth/[...all]/route'
import type { LiveVersion } from '@/features/realtime/contract'
import { liveRoom, type SocketTestServer, startSocketServer } from '../support/sessions'
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

describe('signing out', () => {
  test("closes that sign-in's open sockets, and only those", async () => {
    const room = await liveRoom(app, sockets)
    const customerGone = new Promise<string>((resolve) =>
      room.customerClient.socket.once('disconnect', resolve),
    )

    const signedOut = await app.call(authPost, {
      path: '/api/auth/sign-out',
      body: {},
      cookie: room.customer.cookie,
    })

    expect(signedOut.status).toBe(200)
    expect(await customerGone).toBe('io server disconnect')
    // The old cookie no longer opens a socket.
    await expect(sockets.connect(room.customer.cookie)).rejects.toThrow('unauthenticated')
    // The mechanic, signed in elsewhere, is untouched.
    const stillThere = await room.mechanicClient.request<LiveVersion>('live:version', {
      kind: 'mine',
    })
    expect(stillThere.ok).toBe(true)
    expect(room.mechanicClient.socket.connected).toBe(true)
    room.mechanicClient.close()
  })
})
