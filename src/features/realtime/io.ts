import type { Server, Socket } from 'socket.io'
import type { SessionUser } from '@/features/auth/session-user'
import type { ClientToServerEvents, ServerToClientEvents } from './contract'

/** What the handshake stores on every socket. */
/** `signInExpiresAt`: after it, the socket's next event closes it (the cookie has expired). */
export type SocketData = { user: SessionUser; signInExpiresAt: number }

type InterServerEvents = Record<string, never>

export type AppServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>
export type AppSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>

const globalForIo = globalThis as unknown as { __autodoctorIo?: AppServer }

/** The Socket.IO server, shared with Next's compiled routes through globalThis. */
export function getIo(): AppServer | undefined {
  return globalForIo.__autodoctorIo
}

export function setIo(io: AppServer | undefined): void {
  globalForIo.__autodoctorIo = io
}
