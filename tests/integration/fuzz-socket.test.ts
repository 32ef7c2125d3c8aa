import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  type Ack,
  type ClientEvent,
  type ClientToServerEvents,
  clientEventNames,
} from '@/features/realtime/contract'
import { MAX_SOCKET_PACKET_BYTES } from '@/features/realtime/socket-server'
import {
  anyString,
  fuzzRuns,
  fuzzSeed,
  headerText,
  idFrom,
  jsonValue,
} from '../support/fuzz-inputs'
import {
  ackData,
  liveRoom,
  payForBooking,
  type RoomClient,
  type SocketTestServer,
  startSocketServer,
} from '../support/sessions'
import { startTestApp, type TestApp } from '../support/test-app'

/**
 * Generated socket events: every client event of the realtime contract (and unknown ones), with
 * hostile payloads and missing, extra or broken acknowledgements, sent by both participants of a
 * live session, an admin, and two users who take no part in it. No acknowledgement may be an
 * internal error or leave the `Ack` shape, every socket stays connected and answering, and no
 * one hears of a session that is not theirs. `FUZZ_RUNS` sets the count, `FUZZ_SEED` replays.
 */

const RUNS = fuzzRuns(1_000)
const HANDSHAKES = Math.max(20, Math.round(RUNS / 20))

/** Whether an event's handler answers an acknowledgement, read from the contract's types. */
type Answers<E extends ClientEvent> =
  Parameters<ClientToServerEvents[E]> extends [unknown]
    ? 'never'
    : Parameters<ClientToServerEvents[E]> extends [unknown, unknown]
      ? 'always'
      : 'optional'

// A new client event fails the type check here until the fuzzer knows whether it answers.
const answers: { [E in ClientEvent]: Answers<E> } = {
  'session:join': 'always',
  'session:leave': 'optional',
  'chat:send': 'always',
  'chat:typing': 'never',
  'live:version': 'always',
  'files:list': 'always',
  'rtc:join': 'always',
  'rtc:signal': 'never',
  'rtc:state': 'never',
}

const clientNames = [
  'customer',
  'mechanic',
  'admin',
  'outsider-customer',
  'outsider-mechanic',
] as const
type ClientName = (typeof clientNames)[number]

// Accounts are made with real password hashing: slow on a busy two-core machine.
const SETUP_TIMEOUT_MS = 180_000

let app: TestApp
let sockets: SocketTestServer
const clients = new Map<ClientName, RoomClient>()
/** The sessions each client may hear about. Admins watch every session. */
const own = new Map<ClientName, Set<string>>()
let liveSessionId: string
let otherSessionId: string
let knownIds: string[]

beforeAll(async () => {
  app = await startTestApp()
  sockets = await startSocketServer(app)
  const room = await liveRoom(app, sockets)
  liveSessionId = room.sessionId
  const [admin, outsiderCustomer, outsiderMechanic] = await Promise.all([
    app.createUser({ role: 'admin' }),
    app.createUser({ role: 'customer' }),
    app.createUser({ role: 'mechanic' }),
  ])
  // The outsider's own request waits in the queue: theirs, but no business of the live room's.
  otherSessionId = (await payForBooking(app, outsiderCustomer)).sessionId
  clients.set('customer', room.customerClient)
  clients.set('mechanic', room.mechanicClient)
  clients.set('admin', await sockets.connect(admin.cookie))
  clients.set('outsider-customer', await sockets.connect(outsiderCustomer.cookie))
  clients.set('outsider-mechanic', await sockets.connect(outsiderMechanic.cookie))
  own.set('customer', new Set([liveSessionId]))
  own.set('mechanic', new Set([liveSessionId]))
  own.set('outsider-customer', new Set([otherSessionId]))
  own.set('outsider-mechanic', new Set())
  knownIds = [
    liveSessionId,
    otherSessionId,
    room.customer.id,
    room.mechanic.id,
    admin.id,
    outsiderCustomer.id,
  ]
}, SETUP_TIMEOUT_MS)

afterAll(async () => {
  await sockets?.close()
  await app?.close()
})

type AckMode = 'ack' | 'none' | 'extra-args' | 'ack-not-a-function' | 'no-payload'

type EventSpec = { client: ClientName; event: string; payload: unknown; ackMode: AckMode }

function payloadArb(): fc.Arbitrary<unknown> {
  const sessionId = idFrom(knownIds)
  return fc.oneof(
    { weight: 2, arbitrary: jsonValue(anyString) },
    { weight: 1, arbitrary: fc.constantFrom(undefined, null, 0, '', [], 'session') },
    {
      weight: 8,
      // A payload the handler accepts, with up to two fields swapped for hostile values.
      arbitrary: fc
        .tuple(
          fc.record({
            sessionId: fc.constantFrom(liveSessionId, otherSessionId),
            lastMessageId: fc.nat({ max: 5 }),
            clientId: fc.uuid(),
            body: fc.constantFrom('Is it the brake pads?', 'ok', ' 🚗 '),
            typing: fc.boolean(),
            kind: fc.constantFrom('mine', 'all', 'session'),
          }),
          fc.dictionary(
            fc.constantFrom(
              'sessionId',
              'lastMessageId',
              'clientId',
              'body',
              'typing',
              'kind',
              '__proto__',
              'constructor',
            ),
            fc.oneof(
              sessionId,
              jsonValue(anyString, 1),
              fc.constantFrom(-1, 1.5, 2 ** 53, Number.MAX_SAFE_INTEGER),
              fc.integer({ min: 3_990, max: 50_000 }).map((n) => 'm'.repeat(n)),
            ),
            { maxKeys: 2 },
          ),
        )
        .map(([valid, hostile]) => ({ ...valid, ...hostile })),
    },
  )
}

/**
 * Socket.IO closes a connection whose packet is over its limit; that has a test of its own. The
 * packet holds the event's name as well as its payload, and a generated name can be long.
 */
const fitsThePacketLimit = (spec: EventSpec) =>
  Buffer.byteLength(JSON.stringify([spec.event, spec.payload]) ?? '') <
  MAX_SOCKET_PACKET_BYTES - 1_024

function eventArb(): fc.Arbitrary<EventSpec> {
  return fc
    .record({
      client: fc.constantFrom(...clientNames),
      event: fc.oneof(
        { weight: 12, arbitrary: fc.constantFrom(...clientEventNames) },
        { weight: 1, arbitrary: fc.constantFrom('session:state', 'presence', 'unknown:event', '') },
        { weight: 1, arbitrary: anyString },
      ),
      payload: payloadArb(),
      ackMode: fc.constantFrom<AckMode>(
        'ack',
        'ack',
        'ack',
        'none',
        'extra-args',
        'ack-not-a-function',
        'no-payload',
      ),
    })
    .filter(fitsThePacketLimit)
}

function isClientEvent(event: string): event is ClientEvent {
  return (clientEventNames as readonly string[]).includes(event)
}

/** Sends the event as specified; resolves with the acknowledgement when one must come. */
async function send(spec: EventSpec): Promise<Ack<unknown> | null> {
  const { socket } = clients.get(spec.client) as RoomClient
  // Socket.IO reserves these names on the client; the server never sees them.
  if (
    [
      'connect',
      'connect_error',
      'disconnect',
      'disconnecting',
      'newListener',
      'removeListener',
    ].includes(spec.event)
  )
    return null
  const waits = isClientEvent(spec.event) && answers[spec.event] !== 'never'
  switch (spec.ackMode) {
    case 'ack':
      if (!waits) {
        socket.emit(spec.event, spec.payload, () => {})
        return null
      }
      return (await socket.timeout(5_000).emitWithAck(spec.event, spec.payload)) as Ack<unknown>
    case 'none':
      socket.emit(spec.event, spec.payload)
      return null
    case 'extra-args':
      socket.emit(spec.event, spec.payload, 'extra', 42, () => {})
      return null
    case 'ack-not-a-function':
      socket.emit(spec.event, spec.payload, { call: 'not a function' })
      return null
    case 'no-payload':
      socket.emit(spec.event)
      return null
  }
}

/**
 * The sessions a payload is about: every `sessionId` field at any depth (snapshots, messages,
 * presence). Free text is not read: a participant may type any id into a message.
 */
function sessionsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(sessionsIn)
  if (value === null || typeof value !== 'object') return []
  return Object.entries(value).flatMap(([key, field]) =>
    key === 'sessionId' && typeof field === 'string' ? [field] : sessionsIn(field),
  )
}

function mentionsOf(value: unknown, ids: readonly string[]): string[] {
  const named = sessionsIn(value)
  return ids.filter((id) => named.includes(id))
}

/** What a client heard about a session it takes no part in; admins watch every session. */
function leaksTo(name: ClientName, from: number): string[] {
  if (name === 'admin') return []
  const client = clients.get(name) as RoomClient
  const mine = own.get(name) ?? new Set()
  const foreign = [liveSessionId, otherSessionId].filter((id) => !mine.has(id))
  return client.received.slice(from).flatMap(({ event, payload }) => {
    // The mechanics' queue shows every waiting request to every approved mechanic.
    if (event === 'queue:updated' && name.endsWith('mechanic')) return []
    return mentionsOf(payload, foreign).map((id) => `${event} about ${id}`)
  })
}

/** A round trip on the socket: it is connected and its handlers still answer. */
async function stillAnswers(name: ClientName): Promise<void> {
  const client = clients.get(name) as RoomClient
  expect(client.socket.connected, `${name} is still connected`).toBe(true)
  const ack = await client.request<{ version: number }>('live:version', { kind: 'mine' })
  expect(ack.ok, `${name} still gets answers`).toBe(true)
}

function describeSpec(spec: EventSpec): string {
  const payload = JSON.stringify(spec.payload) ?? 'undefined'
  return `${spec.client} sends ${spec.event} (${spec.ackMode}) ${payload.slice(0, 300)}`
}

describe('fuzzing every socket event', () => {
  test(
    `${RUNS} generated events: answers in the Ack shape, no internal errors, no leaks`,
    async () => {
      const seed = fuzzSeed() ?? Math.floor(Math.random() * 2 ** 31)
      const answered = new Map<string, number>()
      const started = performance.now()

      await fc.assert(
        fc.asyncProperty(eventArb(), async (spec) => {
          const context = describeSpec(spec)
          const seen = new Map(
            clientNames.map((name) => [name, clients.get(name)?.received.length ?? 0]),
          )
          const ack = await send(spec)
          if (ack !== null) {
            const outcome = ack.ok ? 'ok' : ack.error.code
            answered.set(
              `${spec.event} ${outcome}`,
              (answered.get(`${spec.event} ${outcome}`) ?? 0) + 1,
            )
            if (ack.ok) {
              expect(ack, context).toHaveProperty('data')
              // Leaving echoes the id the client sent; everything else must be the client's own.
              if (spec.event !== 'session:leave' && spec.client !== 'admin') {
                const mine = own.get(spec.client) ?? new Set()
                const foreign = [liveSessionId, otherSessionId].filter((id) => !mine.has(id))
                expect(mentionsOf(ack.data, foreign), context).toEqual([])
              }
            } else {
              expect(typeof ack.error.code, context).toBe('string')
              expect(typeof ack.error.message, context).toBe('string')
              expect(['internal', 'unavailable'], context).not.toContain(ack.error.code)
            }
          }
          await stillAnswers(spec.client)
          for (const name of clientNames) {
            expect(leaksTo(name, seen.get(name) ?? 0), `${context}: ${name} heard`).toEqual([])
          }
        }),
        { numRuns: RUNS, seed },
      )

      const seconds = (performance.now() - started) / 1000
      console.info(
        `fuzz-socket: ${RUNS} events in ${seconds.toFixed(1)} s (seed ${seed}); acks ${JSON.stringify(
          Object.fromEntries([...answered].sort()),
        )}`,
      )
      // Every event that answers was answered at least once at this size.
      if (RUNS >= 500) {
        const withAnswers = clientEventNames.filter((name) => answers[name] !== 'never')
        const reached = new Set([...answered.keys()].map((key) => key.split(' ')[0]))
        expect(withAnswers.filter((name) => !reached.has(name))).toEqual([])
      }
    },
    Math.max(120_000, RUNS * 150),
  )

  test(`${HANDSHAKES} generated handshakes: refused or accepted, never a server failure`, async () => {
    const seed = fuzzSeed() ?? Math.floor(Math.random() * 2 ** 31)
    const origin = new URL(app.context.env.appUrl).origin
    const cookie = fc.oneof(
      fc.constant(undefined),
      headerText,
      headerText.map((text) => `autodoctor.session_token=${text}`),
      fc.constant(`autodoctor.session_token=${'a'.repeat(4_000)}`),
    )
    const handshakeOrigin = fc.oneof(
      fc.constantFrom(undefined, origin, 'https://evil.example', 'null'),
      headerText,
    )
    await fc.assert(
      fc.asyncProperty(cookie, handshakeOrigin, async (cookieHeader, originHeader) => {
        try {
          const client = await sockets.connect(cookieHeader, { origin: originHeader })
          client.close()
        } catch (error) {
          // `unauthenticated` without a valid sign-in, a transport error for a foreign origin;
          // `unavailable` is what the handshake answers when it fails on our side.
          expect((error as Error).message).not.toBe('unavailable')
        }
      }),
      { numRuns: HANDSHAKES, seed },
    )
  })

  test('a packet over the size limit closes only the connection that sent it', async () => {
    const sender = await sockets.connect((await app.createUser({ role: 'customer' })).cookie)
    const closed = new Promise<string>((resolve) => sender.socket.once('disconnect', resolve))
    sender.socket.emit('chat:send', {
      sessionId: liveSessionId,
      body: 'x'.repeat(MAX_SOCKET_PACKET_BYTES),
    })
    expect(await closed).toBe('transport close')
    for (const name of clientNames) await stillAnswers(name)
  })

  test('afterwards every socket still answers and the room still works', async () => {
    for (const name of clientNames) await stillAnswers(name)
    const rejoin = ackData(await (clients.get('customer') as RoomClient).join(liveSessionId))
    expect(rejoin.role).toBe('customer')
  })
})
