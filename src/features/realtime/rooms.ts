import type { AppSocket } from './io'

/** Room names: one per session, one per person, the approved mechanics' queue and the admins. */
export const roomOf = {
  session: (sessionId: string) => `session:${sessionId}`,
  user: (userId: string) => `user:${userId}`,
  /** Every socket opened with one sign-in (session cookie), to close them all at sign-out. */
  signIn: (signInId: string) => `sign-in:${signInId}`,
  /** The two participants' call pages only: media signaling never reaches admins watching. */
  call: (sessionId: string) => `call:${sessionId}`,
  mechanicsQueue: 'queue:mechanics',
  admins: 'admins',
} as const

/** Whether this socket has joined the session's room (and still is in it). */
export function isInSessionRoom(socket: AppSocket, sessionId: string): boolean {
  return socket.rooms.has(roomOf.session(sessionId))
}
