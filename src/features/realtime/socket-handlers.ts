import type { SessionUser } from '@/features/auth/session-user'
import type { ServerEnv } from '@/lib/env'
import type { AppSocket } from './io'

/** What a feature's socket handlers get for each connected, signed-in socket. */
export type SocketHandlerContext = {
  socket: AppSocket
  user: SessionUser
  env: ServerEnv
  /**
   * Runs `task` after `delayMs` unless the server shuts down first (a presence grace period,
   * say). A failure is logged.
   */
  schedule: (delayMs: number, task: () => Promise<void>) => void
}

/**
 * How a feature plugs into the socket: it registers its own client → server events. The list of
 * features is composed once, in `src/server/`; the transport imports none of them.
 */
export type RegisterSocketHandlers = (context: SocketHandlerContext) => void
