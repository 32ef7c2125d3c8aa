import { count, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { POST as authPost } from '@/app/api/auth/[...all]/route'
import { POST as applyRoute } from '@/app/api/mechanics/apply/route'
import { sessionMessages } from '@/db/schema'
import { CLIENT_IP_HEADER } from '@/features/auth/client-ip'
import type { ChatMessage } from '@/features/realtime/contract'
import {
  liveRoom,
  openBooking,
  type SocketTestServer,
  startSocketServer,
} from '../support/sessions'
import { startTestApp, type TestApp, uniqueEmail, uniqueIp } from '../support/test-app'

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

describe('limits a real user never meets', () => {
  test('a participant flooding the chat is refused past 20 messages in 10 s, and nothing more is stored', async () => {
    const room = await liveRoom(app, sockets)
    const body = 'x'.repeat(4000)

    const acks = await Promise.all(
      Array.from({ length: 30 }, (_, index) =>
        room.customerClient.request<ChatMessage>('chat:send', {
          sessionId: room.sessionId,
          clientId: `flood-${index}`,
          body,
        }),
      ),
    )

    expect(acks.filter((ack) => ack.ok)).toHaveLength(20)
    const refused = acks.filter((ack) => !ack.ok)
    expect(refused).toHaveLength(10)
    expect(refused[0]).toMatchObject({
      ok: false,
      error: { code: 'too_many_requests', message: expect.stringMatching(/too quickly/) },
    })
    const [stored] = await app.database.db
      .select({ value: count() })
      .from(sessionMessages)
      .where(eq(sessionMessages.sessionId, room.sessionId))
    expect(stored?.value).toBe(20)
    // The other participant is not slowed down by it.
    const reply = await room.mechanicClient.request<ChatMessage>('chat:send', {
      sessionId: room.sessionId,
      clientId: 'reply',
      body: 'Please slow down.',
    })
    expect(reply.ok).toBe(true)
  })

  test('one customer cannot open checkout after checkout: the 11th in 10 minutes is a 429', async () => {
    const customer = await app.createUser()
    const statuses: number[] = []
    for (let attempt = 0; attempt < 11; attempt++) {
      statuses.push((await openBooking(app, customer)).status)
    }
    expect(statuses).toEqual([...Array(10).fill(201), 429])
    const refused = await openBooking(app, customer)
    expect(refused.body.error).toEqual({
      code: 'too_many_requests',
      message: expect.stringMatching(/too many checkouts/i),
    })
  })

  test('one address creating account after account is refused past the limit; others are not', async () => {
    const ip = uniqueIp()
    const signUp = (from: string) =>
      app.call(authPost, {
        path: '/api/auth/sign-up/email',
        body: { name: 'Sam Spam', email: uniqueEmail('spam'), password: 'spam-spam-spam-1' },
        headers: { [CLIENT_IP_HEADER]: from },
      })
    const statuses: number[] = []
    for (let attempt = 0; attempt < 10; attempt++) statuses.push((await signUp(ip)).status)
    expect(statuses).toEqual(Array(10).fill(200))

    const refused = await signUp(ip)
    expect(refused.status).toBe(429)
    expect(refused.body).toEqual({
      error: { code: 'too_many_requests', message: expect.stringMatching(/too many accounts/i) },
    })
    const application = await app.call(applyRoute, {
      path: '/api/mechanics/apply',
      body: {
        name: 'Mo Spam',
        email: uniqueEmail('spam'),
        password: 'spam-spam-spam-2',
        yearsExperience: 3,
        specialties: ['Engine'],
      },
      headers: { [CLIENT_IP_HEADER]: ip },
    })
    expect(application.status).toBe(429)
    expect((await signUp(uniqueIp())).status).toBe(200)
  })
})
