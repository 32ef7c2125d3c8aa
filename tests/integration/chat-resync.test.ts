import pg from 'pg'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import { sessionMessages } from '@/db/schema'
import type { ChatMessage } from '@/features/realtime/contract'
import {
  ackData,
  liveRoom,
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

const onPostgres = process.env.TEST_DATABASE === 'postgres'

/** The rejoin cursor a client keeps for a message it has seen. */
const cursorOf = (message: ChatMessage) => message.seq

type Held = { release: () => Promise<void> }

/**
 * Holds a send with this client id inside its own write, the way a slow or stalled transaction
 * would: a second connection inserts a row with the same (session, sender, client id) and keeps
 * its transaction open, so the app's insert of that message waits on it. On PGlite, which has
 * one connection, holding a transaction makes every other query wait behind it.
 */
async function holdSend(message: {
  sessionId: string
  senderId: string
  clientId: string
}): Promise<Held> {
  // seq 0 is never given to a message, so only the client id collides.
  const row = { ...message, body: 'held', seq: 0 }
  if (onPostgres) {
    const client = new pg.Client({ connectionString: inject('databaseUrl') })
    await client.connect()
    await client.query('begin')
    await client.query(
      'insert into session_messages (session_id, sender_id, client_id, body, seq) values ($1, $2, $3, $4, $5)',
      [row.sessionId, row.senderId, row.clientId, row.body, row.seq],
    )
    return {
      release: async () => {
        await client.query('rollback')
        await client.end()
      },
    }
  }
  let release = () => {}
  const released = new Promise<void>((resolve) => {
    release = resolve
  })
  let began = () => {}
  const begun = new Promise<void>((resolve) => {
    began = resolve
  })
  const held = app.database.db
    .transaction(async (tx) => {
      await tx.insert(sessionMessages).values(row)
      began()
      await released
      tx.rollback()
    })
    .catch(() => undefined)
  await begun
  return {
    release: async () => {
      release()
      await held
    },
  }
}

/** How many statements of this database are waiting on a lock right now (PostgreSQL only). */
async function lockWaiters(): Promise<number> {
  const client = new pg.Client({ connectionString: inject('databaseUrl') })
  await client.connect()
  try {
    const result = await client.query<{ n: number }>(
      `select count(*)::int as n from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock'`,
    )
    return result.rows[0]?.n ?? 0
  } finally {
    await client.end()
  }
}

/** Resolves once `count` statements wait on a lock; at once on PGlite (its queries queue). */
async function untilWaiting(count: number): Promise<void> {
  if (!onPostgres) return
  await expect.poll(lockWaiters, { timeout: 10_000, interval: 20 }).toBeGreaterThanOrEqual(count)
}

function send(client: RoomClient, payload: { sessionId: string; clientId: string; body: string }) {
  return client.request<ChatMessage>('chat:send', payload).then(ackData)
}

describe('resync after a reconnect', () => {
  test('a message whose write committed after a later one was delivered still reaches a client that rejoins from the later one', async () => {
    const room = await liveRoom(app, sockets)
    const { sessionId } = room
    const firstDelivered = room.mechanicClient.waitFor<ChatMessage>('chat:message')

    // The earlier message's write stalls before it commits...
    const held = await holdSend({ sessionId, senderId: room.customer.id, clientId: 'earlier' })
    const earlier = send(room.customerClient, { sessionId, clientId: 'earlier', body: 'first' })
    await untilWaiting(1)
    // ...while a later one is sent (it either commits at once or waits its turn).
    const later = send(room.customerClient, { sessionId, clientId: 'later', body: 'second' })
    await Promise.race([later, untilWaiting(2)])
    await held.release()
    const sent = await Promise.all([earlier, later])

    // The mechanic's connection drops right after the first message it was shown, and comes back
    // with that message as its cursor.
    const seen = await firstDelivered
    room.mechanicClient.close()
    const back = await sockets.connect(room.mechanic.cookie)
    const { missed } = ackData(await back.join(sessionId, cursorOf(seen)))

    const shown = new Set([seen, ...missed].map((message) => message.clientId))
    expect([...shown].sort()).toEqual(sent.map((message) => message.clientId).sort())
    for (const client of [room.customerClient, back]) client.close()
  })
})
