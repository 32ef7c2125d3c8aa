import { roomOf } from './events'
import { getIo } from './io'

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
    const data = socket.data as { user?: { id: string } }
    if (data.user) ids.add(data.user.id)
  }
  return ids
}
