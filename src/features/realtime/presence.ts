import { getIo } from './io'
import { roomOf } from './rooms'

/**
 * Users with at least one socket in the session's room, on any server (the adapter asks the
 * others). Callers compare against the session's two participants, so admins watching do not count.
 */
export async function presentUserIds(sessionId: string): Promise<Set<string>> {
  const io = getIo()
  if (!io) return new Set()
  const sockets = await io.in(roomOf.session(sessionId)).fetchSockets()
  const ids = new Set<string>()
  for (const socket of sockets) {
    if (socket.data.user) ids.add(socket.data.user.id)
  }
  return ids
}
