import { logger } from '@/lib/logger'
import { getIo } from './io'
import { roomOf } from './rooms'

/**
 * How long a presence question waits for the other servers. A live peer answers over the
 * database's notifications within milliseconds; only a dead or stuck one takes longer, and a
 * request must not wait on it (the adapter's own default is 5 s, and then it throws).
 */
const PEER_ANSWER_MS = 1_000

export type PresenceReading = {
  /** Users with at least one socket in the session's room. */
  userIds: Set<string>
  /** At least one admin's socket is in the room (support watching). */
  watched: boolean
  /** False when a peer did not answer in time: its sockets are missing from `userIds`. */
  complete: boolean
}

/**
 * Users with at least one socket in the session's room, on any server (the adapter asks the
 * others). Callers compare against the session's two participants, so admins watching do not count.
 * Never fails because a peer is gone: when one does not answer in time, the reading is this
 * server's own sockets, marked incomplete (the adapter drops the answers it did get).
 */
export async function readPresence(sessionId: string): Promise<PresenceReading> {
  const io = getIo()
  if (!io) return { userIds: new Set(), watched: false, complete: true }
  const room = roomOf.session(sessionId)
  let complete = true
  let sockets: { data: { user?: { id: string; role: string } } }[]
  try {
    sockets = await io.in(room).timeout(PEER_ANSWER_MS).fetchSockets()
  } catch (error) {
    logger().warn({ err: error, sessionId }, 'a server did not answer for presence; using ours')
    complete = false
    sockets = await io.local.in(room).fetchSockets()
  }
  const userIds = new Set<string>()
  let watched = false
  for (const socket of sockets) {
    if (socket.data.user) userIds.add(socket.data.user.id)
    if (socket.data.user?.role === 'admin') watched = true
  }
  return { userIds, watched, complete }
}

/** How many other servers the realtime adapter has heard from lately (0 without an adapter). */
export async function knownPeerCount(): Promise<number> {
  const io = getIo()
  if (!io) return 0
  return (await io.of('/').adapter.serverCount()) - 1
}
