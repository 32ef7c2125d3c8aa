import { parentPort } from 'node:worker_threads'
import { io, type Socket } from 'socket.io-client'
import type {
  ChatResult,
  ConnectResult,
  EndedReceipt,
  FleetCommands,
  FleetRequest,
  FleetResponse,
  FleetSession,
  JoinResult,
} from './client-fleet'

type Ack = { ok: boolean; error?: { code: string; message: string } }
type ChatMessage = { sessionId: string; clientId: string }
type SessionEnded = { sessionId: string }

const sockets = new Map<string, Socket>()
const counts = new Map<string, number>()
const ended = new Map<string, EndedReceipt>()
const extended = new Map<string, EndedReceipt>()

/** The chat run in progress: who sent each client id, and when. */
let chat: {
  sentAt: Map<string, { sender: string; at: number }>
  receivedIds: Set<string>
  latencies: number[]
  duplicates: number
} | null = null

function connectOne(url: string, key: string, cookie?: string): Promise<void> {
  const socket = io(url, {
    transports: ['websocket'],
    extraHeaders: cookie ? { cookie } : {},
    reconnection: false,
    forceNew: true,
    timeout: 20_000,
  })
  socket.onAny((event: string) => counts.set(event, (counts.get(event) ?? 0) + 1))
  socket.on('chat:message', (message: ChatMessage) => {
    const at = performance.now()
    if (!chat) return
    const sent = chat.sentAt.get(message.clientId)
    // Everyone in the room gets the broadcast; only the other participant's copy is a delivery.
    if (!sent || sent.sender === key) return
    if (chat.receivedIds.has(message.clientId)) {
      chat.duplicates++
      return
    }
    chat.receivedIds.add(message.clientId)
    chat.latencies.push(at - sent.at)
  })
  socket.on('session:extended', (event: SessionEnded) => {
    const at = Date.now()
    const seen = extended.get(key)
    if (seen) seen.count++
    else extended.set(key, { key, sessionId: event.sessionId, at, count: 1 })
  })
  socket.on('session:ended', (event: SessionEnded) => {
    const at = Date.now()
    const seen = ended.get(key)
    if (seen) seen.count++
    else ended.set(key, { key, sessionId: event.sessionId, at, count: 1 })
  })
  return new Promise((resolve, reject) => {
    socket.once('connect', () => {
      sockets.set(key, socket)
      resolve()
    })
    socket.once('connect_error', (error) => {
      socket.close()
      reject(error)
    })
  })
}

async function mapLimit<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>) {
  let next = 0
  const lane = async () => {
    while (next < items.length) await fn(items[next++] as T)
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane))
}

function socketOf(key: string): Socket {
  const socket = sockets.get(key)
  if (!socket) throw new Error(`no connected socket ${key}`)
  return socket
}

function emitWithAck(socket: Socket, event: string, payload: unknown): Promise<Ack> {
  return socket.timeout(30_000).emitWithAck(event, payload) as Promise<Ack>
}

const handlers: {
  [K in keyof FleetCommands]: (
    args: FleetCommands[K]['args'],
  ) => Promise<FleetCommands[K]['result']>
} = {
  async connect({ url, clients, concurrency }): Promise<ConnectResult> {
    const started = performance.now()
    const errors: string[] = []
    let connected = 0
    await mapLimit(clients, concurrency, async (client) => {
      try {
        await connectOne(url, client.key, client.cookie)
        connected++
      } catch (error) {
        errors.push(`${client.key}: ${(error as Error).message}`)
      }
    })
    return {
      connected,
      failed: errors.length,
      errors: errors.slice(0, 5),
      ms: performance.now() - started,
    }
  },

  async join({ sessions, concurrency }): Promise<JoinResult> {
    const started = performance.now()
    const errors: string[] = []
    let joined = 0
    await mapLimit(sessions, concurrency, async (session) => {
      // The customer opens the room first, then the mechanic: the order a real session sees.
      for (const key of [session.customerKey, session.mechanicKey]) {
        try {
          const ack = await emitWithAck(socketOf(key), 'session:join', {
            sessionId: session.sessionId,
          })
          if (ack.ok) joined++
          else errors.push(`${key}: ${ack.error?.code} ${ack.error?.message}`)
        } catch (error) {
          errors.push(`${key}: ${(error as Error).message}`)
        }
      }
    })
    return {
      joined,
      failed: errors.length,
      errors: errors.slice(0, 5),
      ms: performance.now() - started,
    }
  },

  async chat({ sessions, messagesPerSender, intervalMs, drainMs }): Promise<ChatResult> {
    const run = {
      sentAt: new Map<string, { sender: string; at: number }>(),
      receivedIds: new Set<string>(),
      latencies: [] as number[],
      duplicates: 0,
    }
    chat = run
    const ackMs: number[] = []
    const ackErrors: string[] = []
    let ackFailures = 0
    let acked = 0
    const expected = sessions.length * 2 * messagesPerSender
    const start = performance.now() + 250

    // Each sender keeps its own steady beat; the beats are spread evenly over one interval so the
    // server sees a constant aggregate rate rather than bursts.
    const senders = sessions.flatMap((session: FleetSession, index: number) => {
      const offset = (index / sessions.length) * intervalMs
      return [
        { key: session.customerKey, sessionId: session.sessionId, offset },
        { key: session.mechanicKey, sessionId: session.sessionId, offset: offset + intervalMs / 2 },
      ]
    })
    const allSent = Promise.all(
      senders.map(
        (sender) =>
          new Promise<void>((resolve) => {
            const socket = socketOf(sender.key)
            let sequence = 0
            const fire = () => {
              const clientId = `${sender.key}-${sequence}`
              const body = `Message ${sequence} from ${sender.key}: checked the battery terminals, they look clean. What does the dash show now?`
              const at = performance.now()
              run.sentAt.set(clientId, { sender: sender.key, at })
              socket.emit(
                'chat:send',
                { sessionId: sender.sessionId, clientId, body },
                (ack: Ack) => {
                  acked++
                  if (ack.ok) ackMs.push(performance.now() - at)
                  else {
                    ackFailures++
                    if (ackErrors.length < 5)
                      ackErrors.push(`${ack.error?.code}: ${ack.error?.message}`)
                  }
                },
              )
              sequence++
              if (sequence >= messagesPerSender) return resolve()
              const due = start + sender.offset + sequence * intervalMs
              setTimeout(fire, Math.max(0, due - performance.now()))
            }
            setTimeout(fire, Math.max(0, start + sender.offset - performance.now()))
          }),
      ),
    )
    await allSent
    const sendWindowMs = performance.now() - start
    const deadline = performance.now() + drainMs
    while ((run.receivedIds.size < expected || acked < expected) && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    chat = null
    return {
      expected,
      sent: run.sentAt.size,
      received: run.receivedIds.size,
      duplicates: run.duplicates,
      ackFailures,
      ackErrors,
      latenciesMs: run.latencies,
      ackMs,
      sendWindowMs,
    }
  },

  async resetCounts() {
    counts.clear()
    ended.clear()
    extended.clear()
    return {}
  },

  async counts() {
    return Object.fromEntries(counts)
  },

  async awaitEnded({ expected, timeoutMs, settleMs }) {
    const deadline = performance.now() + timeoutMs
    while (ended.size < expected && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    // Long enough for a second `session:ended` to arrive if the server were to send one.
    await new Promise((resolve) => setTimeout(resolve, settleMs))
    return [...ended.values()]
  },

  async awaitExtended({ expected, timeoutMs, settleMs }) {
    const deadline = performance.now() + timeoutMs
    while (extended.size < expected && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    await new Promise((resolve) => setTimeout(resolve, settleMs))
    return [...extended.values()]
  },

  async disconnectAll() {
    const closed = sockets.size
    for (const socket of sockets.values()) socket.close()
    sockets.clear()
    return { closed }
  },
}

parentPort?.on('message', (request: FleetRequest) => {
  const handler = handlers[request.type] as (args: unknown) => Promise<unknown>
  handler(request.args).then(
    (result) =>
      parentPort?.postMessage({ id: request.id, ok: true, result } satisfies FleetResponse),
    (error: unknown) =>
      parentPort?.postMessage({
        id: request.id,
        ok: false,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      } satisfies FleetResponse),
  )
})
