import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { GET as adminEventsRoute } from '@/app/api/admin/sessions/[id]/events/route'
import { GET as adminSessionsRoute } from '@/app/api/admin/sessions/route'
import { POST as endRoute } from '@/app/api/sessions/[id]/end/route'
import { GET as messagesRoute } from '@/app/api/sessions/[id]/messages/route'
import { GET as sessionRoute } from '@/app/api/sessions/[id]/route'
import type { SessionState } from '@/features/realtime/contract'
import {
  acceptedSession,
  ackData,
  type Body,
  type SocketTestServer,
  sessionRow,
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

const routes = {
  session: (id: string, cookie?: string) =>
    app.call<Body<{ role: string; state: SessionState }>>(sessionRoute, {
      path: `/api/sessions/${id}`,
      cookie,
      params: { id },
    }),
  messages: (id: string, cookie?: string) =>
    app.call<{ messages: unknown[] }>(messagesRoute, {
      path: `/api/sessions/${id}/messages`,
      cookie,
      params: { id },
    }),
  end: (id: string, cookie?: string) =>
    app.call<Body<{ session: { id: string; status: string; endedAt: string | null } }>>(endRoute, {
      path: `/api/sessions/${id}/end`,
      method: 'POST',
      cookie,
      params: { id },
    }),
}

describe('someone who is not in the session', () => {
  test.each([
    ['customer', 'customer'],
    ['mechanic', 'mechanic'],
  ] as const)(
    'a third %s gets the same 404 as for a session that does not exist',
    async (_label, role) => {
      const session = await acceptedSession(app)
      const stranger = await app.createUser({ role })
      const before = await sessionRow(app, session.sessionId)

      for (const route of [routes.session, routes.messages, routes.end]) {
        const theirs = await route(session.sessionId, stranger.cookie)
        const missing = await route(crypto.randomUUID(), stranger.cookie)
        expect(theirs.status).toBe(404)
        expect(theirs.body).toEqual({ error: { code: 'not_found', message: 'Session not found' } })
        expect(missing.body).toEqual(theirs.body)
      }
      expect(await sessionRow(app, session.sessionId)).toEqual(before)
    },
  )

  test('signed out, every session route is a 401', async () => {
    const session = await acceptedSession(app)

    for (const route of [routes.session, routes.messages, routes.end]) {
      const result = await route(session.sessionId)
      expect(result.status).toBe(401)
      expect(result.body).toMatchObject({
        error: { code: 'unauthenticated', message: expect.any(String) },
      })
    }
    expect((await sessionRow(app, session.sessionId)).status).toBe('accepted')
  })

  test('a malformed session id is a 404 in the same shape', async () => {
    const customer = await app.createUser()
    const result = await routes.session('../../etc/passwd', customer.cookie)
    expect(result.status).toBe(404)
    expect(result.body.error?.code).toBe('not_found')
  })

  test('cannot join the room over the socket', async () => {
    const session = await acceptedSession(app)
    const strangers = await Promise.all([
      app.createUser({ role: 'customer' }),
      app.createUser({ role: 'mechanic' }),
    ])

    for (const stranger of strangers) {
      const client = await sockets.connect(stranger.cookie)
      const ack = await client.join(session.sessionId)
      expect(ack).toEqual({
        ok: false,
        error: { code: 'not_found', message: 'Session not found' },
      })
      // Nor can they post into it.
      const chat = await client.request('chat:send', {
        sessionId: session.sessionId,
        clientId: 'stranger-1',
        body: 'hello?',
      })
      expect(chat).toMatchObject({ ok: false, error: { code: 'not_found' } })
      client.close()
    }
    expect((await sessionRow(app, session.sessionId)).status).toBe('accepted')
  })
})

describe('the participants', () => {
  test('customer and mechanic read the session with their role', async () => {
    const session = await acceptedSession(app)

    const asCustomer = await routes.session(session.sessionId, session.customer.cookie)
    const asMechanic = await routes.session(session.sessionId, session.mechanic.cookie)

    expect(asCustomer.status).toBe(200)
    expect(asCustomer.body.role).toBe('customer')
    expect(asMechanic.body.role).toBe('mechanic')
    expect(asCustomer.body.state).toMatchObject({
      sessionId: session.sessionId,
      status: 'accepted',
      customer: { id: session.customer.id, present: false },
      mechanic: { id: session.mechanic.id, present: false },
      expiresAt: null,
      remainingMs: 30 * 60_000,
    })
    expect((await routes.messages(session.sessionId, session.mechanic.cookie)).body).toEqual({
      messages: [],
    })
  })
})

describe('admins', () => {
  let admin: TestUser

  beforeAll(async () => {
    admin = await app.createUser({ role: 'admin' })
  })

  test('can read any session, its messages and its timeline', async () => {
    const session = await acceptedSession(app)

    const read = await routes.session(session.sessionId, admin.cookie)
    const messages = await routes.messages(session.sessionId, admin.cookie)
    const timeline = await app.call<{ events: { type: string; data: { to: string } }[] }>(
      adminEventsRoute,
      {
        path: `/api/admin/sessions/${session.sessionId}/events`,
        cookie: admin.cookie,
        params: { id: session.sessionId },
      },
    )
    const list = await app.call<{ sessions: { id: string; status: string }[] }>(
      adminSessionsRoute,
      { path: '/api/admin/sessions?status=accepted', cookie: admin.cookie },
    )

    expect(read.status).toBe(200)
    expect(read.body.role).toBe('admin')
    expect(messages.status).toBe(200)
    expect(timeline.body.events.map((event) => event.data.to)).toEqual(['pending', 'accepted'])
    expect(list.body.sessions).toContainEqual(
      expect.objectContaining({ id: session.sessionId, status: 'accepted' }),
    )
  })

  test("the admin list and timeline are admins' only", async () => {
    const session = await acceptedSession(app)

    const list = await app.call(adminSessionsRoute, {
      path: '/api/admin/sessions',
      cookie: session.customer.cookie,
    })
    const timeline = await app.call(adminEventsRoute, {
      path: `/api/admin/sessions/${session.sessionId}/events`,
      cookie: session.mechanic.cookie,
      params: { id: session.sessionId },
    })

    expect(list.status).toBe(403)
    expect(timeline.status).toBe(403)
  })

  test('can end any session; the end is recorded as theirs', async () => {
    const session = await acceptedSession(app)

    const ended = await routes.end(session.sessionId, admin.cookie)

    expect(ended.status).toBe(200)
    expect(ended.body.session).toMatchObject({ id: session.sessionId, status: 'cancelled' })
    const row = await sessionRow(app, session.sessionId)
    expect(row).toMatchObject({ status: 'cancelled', endReason: 'ended_by_admin' })
    const again = await routes.end(session.sessionId, admin.cookie)
    expect(again.status).toBe(409)
    expect(again.body.error).toMatchObject({ code: 'conflict', status: 'cancelled' })
  })

  test('watching the room over the socket does not count as being present', async () => {
    const session = await acceptedSession(app)
    const client = await sockets.connect(admin.cookie)

    const joined = ackData(await client.join(session.sessionId))

    expect(joined.role).toBe('admin')
    expect(joined.state.status).toBe('accepted')
    expect((await sessionRow(app, session.sessionId)).status).toBe('accepted')
    const chat = await client.request('chat:send', {
      sessionId: session.sessionId,
      clientId: 'admin-1',
      body: 'Support here',
    })
    expect(chat).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    client.close()
  })
})

describe('the socket handshake', () => {
  test('without a session cookie it is refused', async () => {
    await expect(sockets.connect()).rejects.toThrow('unauthenticated')
    await expect(sockets.connect('autodoctor.session_token=forged.value')).rejects.toThrow(
      'unauthenticated',
    )
  })

  test('from a foreign Origin it is refused, even with a valid cookie', async () => {
    const customer = await app.createUser()

    await expect(
      sockets.connect(customer.cookie, { origin: 'https://evil.example' }),
    ).rejects.toThrow()
    const ownOrigin = await sockets.connect(customer.cookie, {
      origin: new URL(app.context.env.appUrl).origin,
    })
    expect(ownOrigin.socket.connected).toBe(true)
    ownOrigin.close()
  })
})
