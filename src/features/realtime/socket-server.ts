import type { Server as HttpServer, IncomingHttpHeaders } from 'node:http'
import { createAdapter } from '@socket.io/postgres-adapter'
import type pg from 'pg'
import { Server, type Socket } from 'socket.io'
import { trustedOrigins } from '@/features/auth/auth'
import { getSessionUser, isApprovedMechanic } from '@/features/auth/session-user'
import { registerChatHandlers } from '@/features/chat/chat-handlers'
import type { ServerEnv } from '@/lib/env'
import { logger } from '@/lib/logger'
import { roomOf } from './events'
import { setIo } from './io'
import { type RoomTracker, registerSessionHandlers } from './session-handlers'

export type SocketServer = { io: Server; close: () => Promise<void> }

/**
 * Socket.IO on the app's own HTTP server. The handshake carries the session cookie; only a
 * signed-in user from our own origin gets a socket. With a Postgres pool, events reach the
 * clients of every server sharing that database.
 */
export function createSocketServer(
  httpServer: HttpServer,
  { env, pool }: { env: ServerEnv; pool?: pg.Pool },
): SocketServer {
  const origins = trustedOrigins(env)
  const io = new Server(httpServer, {
    serveClient: false,
    // Leave other upgrade requests (Next's dev reload socket) to their own handlers.
    destroyUpgrade: false,
    maxHttpBufferSize: 64 * 1024,
    allowRequest: (req, callback) => {
      const origin = req.headers.origin
      callback(null, !origin || origins.includes(origin))
    },
  })
  if (pool) {
    io.adapter(
      createAdapter(pool, {
        errorHandler: (error) => logger().error({ err: error }, 'realtime adapter error'),
      }),
    )
  }

  io.use(async (socket, next) => {
    try {
      const user = await getSessionUser(toHeaders(socket.handshake.headers))
      if (!user) return next(new Error('unauthenticated'))
      socket.data.user = user
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

  const tracker: RoomTracker = { timers: new Set() }
  io.on('connection', (socket: Socket) => {
    registerSessionHandlers(io, socket, env, tracker)
    registerChatHandlers(socket)
  })

  setIo(io)
  return {
    io,
    close: async () => {
      for (const timer of tracker.timers) clearTimeout(timer)
      tracker.timers.clear()
      // Disconnecting below runs each socket's disconnect handler, which schedules a presence
      // check that would fire after the database is closed; from now on none is kept.
      tracker.timers.add = (timer) => {
        clearTimeout(timer)
        return tracker.timers
      }
      setIo(undefined)
      io.disconnectSockets(true)
      // The adapter holds a database connection for LISTEN; release it before the pool closes.
      await io.of('/').adapter.close()
      // Closes the engine only; the HTTP server is closed by its owner.
      io.engine.close()
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
