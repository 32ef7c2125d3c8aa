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
 * Never fails because a peer is gone (see readRoomSockets).
 */
export async function readPresence(sessionId: string): Promise<PresenceReading> {
  const { sockets, complete } = await readRoomSockets(roomOf.session(sessionId))
  const userIds = new Set<string>()
  let watched = false
  for (const socket of sockets) {
    if (socket.data.user) userIds.add(socket.data.user.id)
    if (socket.data.user?.role === 'admin') watched = true
  }
  return { userIds, watched, complete }
}

type SocketReading = {
  sockets: { data: { user?: { id: string; role: string } } }[]
  complete: boolean
}

/**
 * The sockets in a room on every server; when a peer does not answer in time, this server's own,
 * marked incomplete (the adapter drops the answers it did get).
 */
export async function readRoomSockets(room: string): Promise<SocketReading> {
  const io = getIo()
  if (!io) return { sockets: [], complete: true }
  try {
    return { sockets: await io.in(room).timeout(PEER_ANSWER_MS).fetchSockets(), complete: true }
  } catch (error) {
    logger().warn({ err: error, room }, 'a server did not answer about its sockets; using ours')
    return { sockets: await io.local.in(room).fetchSockets(), complete: false }
  }
}

/** How many other servers the realtime adapter has heard from lately (0 without an adapter). */
export async function knownPeerCount(): Promise<number> {
  const io = getIo()
  if (!io) return 0
  return (await io.of('/').adapter.serverCount()) - 1
}
