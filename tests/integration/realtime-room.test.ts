import { and, count, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { GET as messagesRoute } from '@/app/api/sessions/[id]/messages/route'
import { sessionMessages } from '@/db/schema'
import type { ChatMessage, SessionState } from '@/features/realtime/contract'
import {
  acceptAs,
  acceptedSession,
  ackData,
  liveRoom,
  payForBooking,
  type SocketTestServer,
  sessionRow,
  sleep,
  startSocketServer,
  transitionsOf,
} from '../support/sessions'
import { startTestApp, type TestApp } from '../support/test-app'

// A dropped participant counts as gone after this grace period; short here so the test is quick.
// Hoisted so it is in place before the app parses its env.
const GRACE_MS = vi.hoisted(() => {
  process.env.PRESENCE_GRACE_SECONDS = '0.2'
  return 200
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

const CHAT_SECONDS = 30 * 60

const isStatus = (status: string) => (state: SessionState) => state.status === status

function send(client: Awaited<ReturnType<typeof sockets.connect>>, payload: object) {
  return client.request<ChatMessage>('chat:send', payload)
}

describe('opening the room', () => {
  test('customer joins → waiting; mechanic joins → live, with the clock set by the server', async () => {
    const session = await acceptedSession(app)
    const customer = await sockets.connect(session.customer.cookie)

    const customerJoin = ackData(await customer.join(session.sessionId))

    expect(customerJoin.role).toBe('customer')
    expect(customerJoin.missed).toEqual([])
    expect(customerJoin.state).toMatchObject({
      status: 'waiting',
      customer: { id: session.customer.id, present: true },
      mechanic: { id: session.mechanic.id, present: false },
      expiresAt: null,
    })

    const mechanic = await sockets.connect(session.mechanic.cookie)
    const before = Date.now()
    const mechanicJoin = ackData(await mechanic.join(session.sessionId))
    const after = Date.now()

    const live = mechanicJoin.state
    expect(mechanicJoin.role).toBe('mechanic')
    expect(live).toMatchObject({
      status: 'live',
      customer: { present: true },
      mechanic: { present: true },
      pausedAt: null,
    })
    const expiresAt = Date.parse(live.expiresAt ?? '')
    expect(expiresAt).toBeGreaterThanOrEqual(before + CHAT_SECONDS * 1000)
    expect(expiresAt).toBeLessThanOrEqual(after + CHAT_SECONDS * 1000)
    expect(live.remainingMs).toBeLessThanOrEqual(CHAT_SECONDS * 1000)
    expect(live.remainingMs).toBeGreaterThan(CHAT_SECONDS * 1000 - 2_000)

    // Both see the same live snapshot and the customer learns the mechanic arrived.
    const seenByCustomer = await customer.waitFor('session:state', isStatus('live'))
    const seenByMechanic = await mechanic.waitFor('session:state', isStatus('live'))
    expect(seenByCustomer.expiresAt).toBe(live.expiresAt)
    expect(seenByMechanic.expiresAt).toBe(live.expiresAt)
    expect(
      await customer.waitFor(
        'presence',
        (p: { userId: string }) => p.userId === session.mechanic.id,
      ),
    ).toEqual({ sessionId: session.sessionId, userId: session.mechanic.id, present: true })

    expect((await sessionRow(app, session.sessionId)).expiresAt?.toISOString()).toBe(live.expiresAt)
    expect(await transitionsOf(app, session.sessionId)).toEqual([
      expect.objectContaining({ to: 'pending' }),
      expect.objectContaining({ to: 'accepted' }),
      { actorId: session.customer.id, from: 'accepted', to: 'waiting', reason: 'mechanic_absent' },
      { actorId: session.mechanic.id, from: 'waiting', to: 'live', reason: 'both_present' },
    ])
    customer.close()
    mechanic.close()
  })

  test('customer and mechanic joining at the same moment start the clock once', async () => {
    const session = await acceptedSession(app)
    const [customer, mechanic] = await Promise.all([
      sockets.connect(session.customer.cookie),
      sockets.connect(session.mechanic.cookie),
    ])

    await Promise.all([customer.join(session.sessionId), mechanic.join(session.sessionId)])

    const live = await customer.waitFor('session:state', isStatus('live'))
    expect((await mechanic.waitFor('session:state', isStatus('live'))).expiresAt).toBe(
      live.expiresAt,
    )
    const row = await sessionRow(app, session.sessionId)
    expect(row.status).toBe('live')
    expect(row.expiresAt?.toISOString()).toBe(live.expiresAt)
    const moves = (await transitionsOf(app, session.sessionId)).map((t) => `${t.from}→${t.to}`)
    expect(moves).toEqual(['null→pending', 'pending→accepted', 'accepted→waiting', 'waiting→live'])
    customer.close()
    mechanic.close()
  })

  test('approved mechanics hear about a new paid request and about it being taken', async () => {
    const [approved, unapproved, winner] = await Promise.all([
      app.createUser({ role: 'mechanic' }),
      app.createUser({ role: 'mechanic', approved: false }),
      app.createUser({ role: 'mechanic' }),
    ])
    const watching = await sockets.connect(approved.cookie)
    const waitingForApproval = await sockets.connect(unapproved.cookie)

    const { sessionId } = await payForBooking(app, await app.createUser())
    const isThis = (status: string) => (u: { sessionId: string; status: string }) =>
      u.sessionId === sessionId && u.status === status
    expect(await watching.waitFor('queue:updated', isThis('pending'))).toEqual({
      sessionId,
      status: 'pending',
    })
    expect((await acceptAs(app, winner, sessionId)).status).toBe(200)
    await watching.waitFor('queue:updated', isThis('accepted'))

    expect(
      waitingForApproval.all(
        'queue:updated',
        (u: { sessionId: string }) => u.sessionId === sessionId,
      ),
    ).toEqual([])
    // The queue hears about requests; only the participants' pages hear about their sessions.
    expect(
      watching.all('session:updated', (u: { sessionId: string }) => u.sessionId === sessionId),
    ).toEqual([])
    watching.close()
    waitingForApproval.close()
  })

  test('a request nobody has accepted cannot be joined yet', async () => {
    const customer = await app.createUser()
    const { sessionId } = await payForBooking(app, customer)
    const client = await sockets.connect(customer.cookie)

    const ack = await client.join(sessionId)

    expect(ack).toMatchObject({ ok: false, error: { code: 'conflict', status: 'pending' } })
    expect((await sessionRow(app, sessionId)).status).toBe('pending')
    client.close()
  })

  test('a join with a malformed payload is refused in the error shape', async () => {
    const customer = await app.createUser()
    const client = await sockets.connect(customer.cookie)

    const ack = await client.join('not-a-session-id')

    expect(ack).toMatchObject({ ok: false, error: { code: 'validation_failed' } })
    client.close()
  })
})

describe('chat', () => {
  test('messages go both ways, acknowledged, stored, in order', async () => {
    const room = await liveRoom(app, sockets)

    const question = ackData(
      await send(room.customerClient, {
        sessionId: room.sessionId,
        clientId: 'c-1',
        body: 'My brakes squeal when cold',
      }),
    )
    const heard = await room.mechanicClient.waitFor(
      'chat:message',
      (m: ChatMessage) => m.clientId === 'c-1',
    )
    const answer = ackData(
      await send(room.mechanicClient, {
        sessionId: room.sessionId,
        clientId: 'm-1',
        body: 'Does it stop once they warm up?',
      }),
    )
    const answered = await room.customerClient.waitFor(
      'chat:message',
      (m: ChatMessage) => m.clientId === 'm-1',
    )

    expect(question).toMatchObject({
      sessionId: room.sessionId,
      senderId: room.customer.id,
      senderName: room.customer.name,
      body: 'My brakes squeal when cold',
    })
    expect(heard).toEqual(question)
    expect(answered).toEqual(answer)
    expect(answer.id).toBeGreaterThan(question.id)
    const history = await app.call<{ messages: ChatMessage[] }>(messagesRoute, {
      path: `/api/sessions/${room.sessionId}/messages`,
      cookie: room.customer.cookie,
      params: { id: room.sessionId },
    })
    expect(history.body.messages).toEqual([question, answer])
    room.customerClient.close()
    room.mechanicClient.close()
  })

  test('a message sent twice with the same client id is stored and delivered once', async () => {
    const room = await liveRoom(app, sockets)
    const message = { sessionId: room.sessionId, clientId: 'retry-1', body: 'Oil light is on' }

    const first = ackData(await send(room.customerClient, message))
    const retried = ackData(await send(room.customerClient, message))
    ackData(await send(room.customerClient, { ...message, clientId: 'after-1', body: 'Hello?' }))
    // Messages arrive in order, so once the later one is in, any duplicate would be too.
    await room.mechanicClient.waitFor('chat:message', (m: ChatMessage) => m.clientId === 'after-1')

    expect(retried).toEqual(first)
    expect(
      room.mechanicClient.all('chat:message', (m: ChatMessage) => m.clientId === 'retry-1'),
    ).toHaveLength(1)
    const [stored] = await app.database.db
      .select({ n: count() })
      .from(sessionMessages)
      .where(
        and(eq(sessionMessages.sessionId, room.sessionId), eq(sessionMessages.clientId, 'retry-1')),
      )
    expect(stored?.n).toBe(1)
    room.customerClient.close()
    room.mechanicClient.close()
  })

  test('an empty message is refused and nothing is delivered', async () => {
    const room = await liveRoom(app, sockets)

    const ack = await send(room.customerClient, {
      sessionId: room.sessionId,
      clientId: 'empty-1',
      body: '   ',
    })

    expect(ack).toMatchObject({ ok: false, error: { code: 'validation_failed' } })
    expect(room.mechanicClient.all('chat:message')).toEqual([])
    room.customerClient.close()
    room.mechanicClient.close()
  })

  test.each([
    ['a NUL character', { clientId: 'nul-1', body: 'a\u0000b' }],
    ['a lone surrogate', { clientId: 'surrogate-1', body: 'a\udc00b' }],
    ['a NUL character in the client id', { clientId: 'nul\u0000', body: 'hello' }],
  ])('a message with %s is refused as invalid and nothing is stored', async (_case, message) => {
    const room = await liveRoom(app, sockets)

    const ack = await send(room.customerClient, { sessionId: room.sessionId, ...message })

    expect(ack).toMatchObject({ ok: false, error: { code: 'validation_failed' } })
    const [stored] = await app.database.db
      .select({ n: count() })
      .from(sessionMessages)
      .where(eq(sessionMessages.sessionId, room.sessionId))
    expect(stored?.n).toBe(0)
    room.customerClient.close()
    room.mechanicClient.close()
  })

  test('a client that rejoins with its last message seq receives exactly what it missed', async () => {
    const room = await liveRoom(app, sockets)
    const seen = ackData(
      await send(room.customerClient, { sessionId: room.sessionId, clientId: 'a', body: 'one' }),
    )
    await room.mechanicClient.waitFor('chat:message', (m: ChatMessage) => m.id === seen.id)
    room.mechanicClient.close()

    const missed = [
      ackData(
        await send(room.customerClient, { sessionId: room.sessionId, clientId: 'b', body: 'two' }),
      ),
      ackData(
        await send(room.customerClient, {
          sessionId: room.sessionId,
          clientId: 'c',
          body: 'three',
        }),
      ),
    ]
    const back = await sockets.connect(room.mechanic.cookie)
    const rejoined = ackData(await back.join(room.sessionId, seen.seq))

    expect(rejoined.missed).toEqual(missed)
    expect(rejoined.state.lastMessageSeq).toBe(missed[1]?.seq)
    const fresh = await sockets.connect(room.mechanic.cookie)
    expect(ackData(await fresh.join(room.sessionId)).missed).toEqual([seen, ...missed])
    for (const client of [room.customerClient, back, fresh]) client.close()
  })
})

describe('presence and the paused clock', () => {
  test('a dropped participant pauses the clock after the grace period; rejoining resumes it later by the pause', async () => {
    const room = await liveRoom(app, sockets)
    const liveExpiresAt = Date.parse(room.mechanicJoin.state.expiresAt ?? '')

    const droppedAt = Date.now()
    room.mechanicClient.close()

    const paused = await room.customerClient.waitFor('session:state', isStatus('reconnecting'))
    const noticedAt = Date.now()
    expect(noticedAt - droppedAt).toBeGreaterThanOrEqual(GRACE_MS)
    expect(paused).toMatchObject({ mechanic: { present: false }, customer: { present: true } })
    expect(paused.pausedAt).not.toBeNull()
    expect(paused.expiresAt).toBe(room.mechanicJoin.state.expiresAt)
    expect(
      await room.customerClient.waitFor(
        'presence',
        (p: { userId: string; present: boolean }) => !p.present,
      ),
    ).toEqual({ sessionId: room.sessionId, userId: room.mechanic.id, present: false })
    const frozen = (await sessionRow(app, room.sessionId)).pausedAt?.getTime() ?? 0
    expect(frozen).toBeGreaterThanOrEqual(droppedAt)

    // Stay away long enough for the pause to be measurable.
    await sleep(400)
    const back = await sockets.connect(room.mechanic.cookie)
    const resumed = ackData(await back.join(room.sessionId)).state
    const resumedBy = Date.now()

    expect(resumed.status).toBe('live')
    expect(resumed.pausedAt).toBeNull()
    const movedBy = Date.parse(resumed.expiresAt ?? '') - liveExpiresAt
    expect(movedBy).toBeGreaterThanOrEqual(400)
    expect(movedBy).toBeLessThanOrEqual(resumedBy - frozen)
    // Time left is what it was when the clock paused, not less.
    expect(resumed.remainingMs).toBeGreaterThan(liveExpiresAt - frozen - 1_000)
    const seenLive = await room.customerClient.waitFor(
      'session:state',
      (state: SessionState) => state.status === 'live' && state.expiresAt === resumed.expiresAt,
    )
    expect(seenLive.mechanic?.present).toBe(true)
    expect((await transitionsOf(app, room.sessionId)).slice(-2)).toEqual([
      { actorId: null, from: 'live', to: 'reconnecting', reason: 'mechanic_absent' },
      { actorId: room.mechanic.id, from: 'reconnecting', to: 'live', reason: 'both_present' },
    ])
    room.customerClient.close()
    back.close()
  })

  test('closing one of two tabs does not count as leaving', async () => {
    const room = await liveRoom(app, sockets)
    const secondTab = await sockets.connect(room.customer.cookie)
    ackData(await secondTab.join(room.sessionId))

    room.customerClient.close()
    await sleep(GRACE_MS * 3)

    expect((await sessionRow(app, room.sessionId)).status).toBe('live')
    expect(room.mechanicClient.all('session:state', isStatus('reconnecting'))).toEqual([])
    expect(room.mechanicClient.all('presence', (p: { present: boolean }) => !p.present)).toEqual([])
    secondTab.close()
    room.mechanicClient.close()
  })

  test('leaving the room explicitly pauses the clock the same way', async () => {
    const room = await liveRoom(app, sockets)

    const left = await room.customerClient.request('session:leave', { sessionId: room.sessionId })

    expect(left).toEqual({ ok: true, data: { left: room.sessionId } })
    const paused = await room.mechanicClient.waitFor('session:state', isStatus('reconnecting'))
    expect(paused.customer.present).toBe(false)
    room.customerClient.close()
    room.mechanicClient.close()
  })
})
