import type { ServerEvent, ServerToClientEvents } from './contract'
import { getIo } from './io'
import { roomOf } from './rooms'

/** Who gets an event: any mix of rooms, optionally without one socket. */
export type Audience = {
  sessions?: readonly string[]
  /** The call pages of these sessions' two participants. */
  calls?: readonly string[]
  users?: readonly string[]
  admins?: boolean
  mechanicsQueue?: boolean
  /** Everyone in those rooms but this socket (a typing signal's sender, a participant joining). */
  exceptSocketId?: string
}

/**
 * The one place that emits to clients: every server → client event goes out here, typed by the
 * contract. One emit to several rooms reaches a socket in more than one of them once.
 */
export function publish<E extends ServerEvent>(
  audience: Audience,
  event: E,
  ...payload: Parameters<ServerToClientEvents[E]>
): void {
  const io = getIo()
  if (!io) return
  const rooms = [
    ...(audience.sessions ?? []).map(roomOf.session),
    ...(audience.calls ?? []).map(roomOf.call),
    ...(audience.users ?? []).map(roomOf.user),
    ...(audience.admins ? [roomOf.admins] : []),
    ...(audience.mechanicsQueue ? [roomOf.mechanicsQueue] : []),
  ]
  // No room at all would address every connected socket.
  if (rooms.length === 0) return
  const target = audience.exceptSocketId
    ? io.to(rooms).except(audience.exceptSocketId)
    : io.to(rooms)
  target.emit(event, ...payload)
}

/** False until the socket server runs (scripts, tests without one): nobody could be told. */
export function canPublish(): boolean {
  return getIo() !== undefined
}

/** To everyone in the session's room: both participants and any admin watching. */
export function publishToSession<E extends ServerEvent>(
  sessionId: string,
  event: E,
  ...payload: Parameters<ServerToClientEvents[E]>
): void {
  publish({ sessions: [sessionId] }, event, ...payload)
}

/** Closes every socket opened with this sign-in, on every instance (at sign-out). */
export function disconnectSignIn(signInId: string): void {
  getIo()?.in(roomOf.signIn(signInId)).disconnectSockets(true)
}
