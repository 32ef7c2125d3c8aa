import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Server } from 'socket.io'

export type BareRelay = {
  url: string
  /**
   * Ends each session at its time the way a clock loop with no database would: a pass every
   * `intervalMs` that tells every room whose time has passed. Resolves when all have been told.
   */
  endOnTime: (
    expiries: { sessionId: string; expiresAt: Date }[],
    intervalMs: number,
    timeoutMs: number,
  ) => Promise<void>
  close: () => Promise<void>
}

/**
 * The floor to compare against: Socket.IO alone, in this process, with the same event names and
 * room layout as ours but no authentication, no database and no validation. Whatever our server
 * adds on top of this is the cost of the product's own work.
 */
export async function startBareRelay(): Promise<BareRelay> {
  const httpServer = createServer()
  const io = new Server(httpServer, { serveClient: false, maxHttpBufferSize: 64 * 1024 })
  let nextId = 0
  io.on('connection', (socket) => {
    socket.on('session:join', async (payload: { sessionId: string }, ack: (r: unknown) => void) => {
      await socket.join(`session:${payload.sessionId}`)
      ack({ ok: true, data: {} })
    })
    socket.on(
      'chat:send',
      (
        payload: { sessionId: string; clientId: string; body: string },
        ack: (r: unknown) => void,
      ) => {
        // The same message shape ours broadcasts, so both relays put the same bytes on the wire.
        const message = {
          id: ++nextId,
          sessionId: payload.sessionId,
          senderId: socket.id,
          senderName: 'Bench sender',
          clientId: payload.clientId,
          body: payload.body,
          createdAt: new Date().toISOString(),
        }
        io.to(`session:${payload.sessionId}`).emit('chat:message', message)
        ack({ ok: true, data: message })
      },
    )
  })
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve))
  const { port } = httpServer.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    endOnTime: async (expiries, intervalMs, timeoutMs) => {
      const waiting = [...expiries].sort((a, b) => a.expiresAt.getTime() - b.expiresAt.getTime())
      const deadline = Date.now() + timeoutMs
      while (waiting.length > 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, intervalMs))
        const now = Date.now()
        while (waiting.length > 0 && (waiting[0]?.expiresAt.getTime() ?? Infinity) <= now) {
          const due = waiting.shift()
          if (!due) break
          io.to(`session:${due.sessionId}`).emit('session:ended', {
            sessionId: due.sessionId,
            status: 'completed',
            reason: 'time_up',
            endedAt: new Date(now).toISOString(),
          })
        }
      }
    },
    close: async () => {
      io.disconnectSockets(true)
      io.engine.close()
      httpServer.closeAllConnections()
      await new Promise<void>((resolve) => httpServer.close(() => resolve()))
    },
  }
}
