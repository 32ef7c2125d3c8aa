import type { Server as HttpServer, IncomingHttpHeaders } from 'node:http'
import { createAdapter } from '@socket.io/postgres-adapter'
import type pg from 'pg'
import { Server } from 'socket.io'
import { trustedOrigins } from '@/features/auth/auth'
import { getSignIn, isApprovedMechanic } from '@/features/auth/session-user'
import type { ServerEnv } from '@/lib/env'
import { logger } from '@/lib/logger'
import { type AppServer, setIo } from './io'
import { setRealtimeHealth } from './realtime-health'
import { roomOf } from './rooms'
import type { RegisterSocketHandlers } from './socket-handlers'
import { watchListenConnection } from './watch-listen-connection'

/** The largest packet a client may send; Socket.IO closes a connection that sends more. */
export const MAX_SOCKET_PACKET_BYTES = 64 * 1024

export type SocketServer = { io: AppServer; close: () => Promise<void> }

/**
 * Socket.IO on the app's own HTTP server. The handshake carries the session cookie; only a
 * signed-in user from our own origin gets a socket. With a Postgres pool, events reach the
 * clients of every server sharing that database. Each feature's `handlers` register its events on
 * every connected socket.
 */
export function createSocketServer(
  httpServer: HttpServer,
  {
    env,
    pool,
    handlers,
  }: { env: ServerEnv; pool?: pg.Pool; handlers: readonly RegisterSocketHandlers[] },
): SocketServer {
  const origins = trustedOrigins(env)
  const io: AppServer = new Server(httpServer, {
    serveClient: false,
    // Leave other upgrade requests (Next's dev reload socket) to their own handlers.
    destroyUpgrade: false,
    maxHttpBufferSize: MAX_SOCKET_PACKET_BYTES,
    allowRequest: (req, callback) => {
      const origin = req.headers.origin
      callback(null, !origin || origins.includes(origin))
    },
  })
  if (pool) {
    io.adapter(
      createAdapter(watchListenConnection(pool), {
        errorHandler: (error) => logger().error({ err: error }, 'realtime adapter error'),
        // A peer that stops talking is forgotten after 5 s (the defaults: 5 s beats, 10 s), so
        // cross-server questions stop waiting on a dead one before its instance row goes stale
        // (6 s, features/instances/instance-timing.ts) and its sessions are recovered.
        heartbeatInterval: 2_000,
        heartbeatTimeout: 5_000,
      }),
    )
  }

  io.use(async (socket, next) => {
    try {
      const signIn = await getSignIn(toHeaders(socket.handshake.headers))
      if (!signIn) return next(new Error('unauthenticated'))
      const { user } = signIn
      socket.data.user = user
      socket.data.signInExpiresAt = signIn.expiresAt.getTime()
      await socket.join(roomOf.signIn(signIn.signInId))
      // Joined before the connection completes: once the client sees `connect`, every update
      // for this user reaches it, so a live page can check what it missed and miss nothing more.
      await socket.join(roomOf.user(user.id))
      if (user.role === 'admin') await socket.join(roomOf.admins)
      if (user.role === 'mechanic' && (await isApprovedMechanic(user.id))) {
        await socket.join(roomOf.mechanicsQueue)
      }
      next()
    } catch (error) {
      logger().error({ err: error }, 'socket handshake failed')
      next(new Error('unavailable'))
    }
  })

  const timers = new Set<NodeJS.Timeout>()
  let closing = false
  const schedule = (delayMs: number, task: () => Promise<void>) => {
    // Disconnecting every socket on close runs their disconnect handlers, which would schedule
    // checks that fire after the database is closed; from then on none is kept.
    if (closing) return
    const timer = setTimeout(() => {
      timers.delete(timer)
      task().catch((error: unknown) =>
        logger().error({ err: error }, 'scheduled socket task failed'),
      )
    }, delayMs)
    timers.add(timer)
  }
  io.on('connection', (socket) => {
    // A socket lives longer than the cookie it was opened with: once that has expired, the next
    // event closes the socket instead of being handled.
    socket.use((_packet, nextPacket) => {
      if (Date.now() < socket.data.signInExpiresAt) return nextPacket()
      socket.disconnect(true)
    })
    for (const register of handlers) register({ socket, user: socket.data.user, env, schedule })
  })

  setIo(io)
  return {
    io,
    close: async () => {
      closing = true
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
      setIo(undefined)
      // Drops this instance's connections only (the HTTP server is closed by its owner). Not
      // `io.disconnectSockets()`: through the adapter that would disconnect every instance's
      // clients, and it tells clients the server meant it, so they would not reconnect.
      io.engine.close()
      // The adapter holds a database connection for LISTEN; release it before the pool closes.
      await io.of('/').adapter.close()
      setRealtimeHealth(undefined)
    },
  }
}

function toHeaders(incoming: IncomingHttpHeaders): Headers {
  const headers = new Headers()
  for (const [name, value] of Object.entries(incoming)) {
    if (value === undefined) continue
    headers.set(name, Array.isArray(value) ? value.join(', ') : value)
  }
  return headers
}
