'use client'

import { io, type Socket } from 'socket.io-client'
import type { Ack, JoinResult } from '../events'

/**
 * One socket per browser tab, however many components listen. Session rooms are reference
 * counted: the first listener joins, the last one leaves, and after a reconnect every room still
 * in use is joined again with the last message seen, so the server sends exactly what was missed.
 */
let socket: Socket | null = null

export function getSocket(): Socket {
  if (!socket) {
    socket = io({ transports: ['websocket'], withCredentials: true })
    socket.on('connect', () => {
      for (const [sessionId, room] of rooms)
        if (room.listeners.size > 0) void emitJoin(sessionId, room)
    })
  }
  return socket
}

export type RoomListener = {
  onJoined: (result: JoinResult) => void
  onError: (error: { code: string; message: string; status?: string }) => void
}

type Room = { listeners: Set<RoomListener>; lastMessageId: number }
const rooms = new Map<string, Room>()

const ACK_TIMEOUT_MS = 10_000

/** Joins the session's room for this listener; returns the function that leaves it. */
export function joinSessionRoom(sessionId: string, listener: RoomListener): () => void {
  const current = getSocket()
  let room = rooms.get(sessionId)
  if (!room) {
    room = { listeners: new Set(), lastMessageId: 0 }
    rooms.set(sessionId, room)
  }
  room.listeners.add(listener)
  if (room.listeners.size === 1 && current.connected) void emitJoin(sessionId, room)
  else if (room.listeners.size > 1 && current.connected) void emitJoin(sessionId, room, listener)

  return () => {
    const existing = rooms.get(sessionId)
    if (!existing) return
    existing.listeners.delete(listener)
    if (existing.listeners.size === 0) {
      rooms.delete(sessionId)
      current.emit('session:leave', { sessionId })
    }
  }
}

/** Remembers the newest message id a room has seen, for the next rejoin. */
export function noteMessageSeen(sessionId: string, messageId: number): void {
  const room = rooms.get(sessionId)
  if (room && messageId > room.lastMessageId) room.lastMessageId = messageId
}

async function emitJoin(sessionId: string, room: Room, only?: RoomListener): Promise<void> {
  const targets = only ? [only] : [...room.listeners]
  try {
    const response: Ack<JoinResult> = await getSocket()
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck('session:join', { sessionId, lastMessageId: room.lastMessageId })
    if (!response.ok) {
      for (const listener of targets) listener.onError(response.error)
      return
    }
    for (const message of response.data.missed) noteMessageSeen(sessionId, message.id)
    for (const listener of targets) listener.onJoined(response.data)
  } catch {
    for (const listener of targets)
      listener.onError({ code: 'timeout', message: 'The server did not answer' })
  }
}

export async function emitWithAck<T>(event: string, payload: unknown): Promise<Ack<T>> {
  try {
    return await getSocket().timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload)
  } catch {
    return {
      ok: false,
      error: { code: 'timeout', message: 'No answer from the server. Check your connection.' },
    }
  }
}

/** Test hook: the number of rooms this tab holds and whether one socket serves them all. */
export function socketStats(): { rooms: number; connected: boolean } {
  return { rooms: rooms.size, connected: socket?.connected ?? false }
}
