'use client'

import { io, type Socket } from 'socket.io-client'
import type {
  Ack,
  AckError,
  ClientEvent,
  ClientToServerEvents,
  JoinResult,
  ServerToClientEvents,
} from '../contract'
import { createMessageCursor, type MessageCursor } from './message-cursor'

/** The browser's end of the contract: it listens to server events and emits client events. */
export type AppClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>

/**
 * One socket per browser tab, however many components listen. Session rooms are reference
 * counted: the first listener joins, the last one leaves, and after a reconnect every room still
 * in use is joined again with its message cursor, so the server sends exactly what was missed.
 */
let socket: AppClientSocket | null = null

export function getSocket(): AppClientSocket {
  if (!socket) {
    socket = io({ transports: ['websocket'], withCredentials: true })
    socket.on('connect', () => {
      for (const [sessionId, room] of rooms)
        if (room.listeners.size > 0) void emitJoin(sessionId, room)
    })
    // Socket.IO retries every drop by itself except one the server asked for. Try that one too: a
    // restarting server is back soon, and a signed-out socket is refused at the handshake anyway.
    socket.on('disconnect', (reason) => {
      if (reason === 'io server disconnect') socket?.connect()
    })
  }
  return socket
}

export type RoomListener = {
  onJoined: (result: JoinResult) => void
  onError: (error: AckError) => void
}

/** `cursor` is sent on every (re)join; `gapTimer` runs while it has a hole. */
type Room = {
  listeners: Set<RoomListener>
  cursor: MessageCursor
  gapTimer?: ReturnType<typeof setTimeout>
}
const rooms = new Map<string, Room>()

const ACK_TIMEOUT_MS = 10_000
/** A hole in the messages that lasts this long is filled by joining again (which sends it). */
const GAP_RESYNC_MS = 3_000

/** Joins the session's room for this listener; returns the function that leaves it. */
export function joinSessionRoom(sessionId: string, listener: RoomListener): () => void {
  const current = getSocket()
  let room = rooms.get(sessionId)
  if (!room) {
    room = { listeners: new Set(), cursor: createMessageCursor() }
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
      clearTimeout(existing.gapTimer)
      rooms.delete(sessionId)
      current.emit('session:leave', { sessionId })
    }
  }
}

/**
 * Asks again to join a room this tab already follows, after a join the server refused for a
 * passing reason. Without a connection there is nothing to do: the next connect joins anyway.
 */
export function rejoinSessionRoom(sessionId: string): void {
  const room = rooms.get(sessionId)
  if (room && socket?.connected) void emitJoin(sessionId, room)
}

/** Records a message the room has seen (by its `seq`), moving the rejoin cursor past it. */
export function noteMessageSeen(sessionId: string, seq: number): void {
  const room = rooms.get(sessionId)
  if (!room) return
  room.cursor.see(seq)
  if (!room.cursor.hasGap) {
    clearTimeout(room.gapTimer)
    room.gapTimer = undefined
    return
  }
  // Broadcasts from several servers can arrive out of order, so a hole may fill by itself; one
  // that stays (a server died between storing a message and sending it) is fetched by rejoining.
  if (room.gapTimer) return
  room.gapTimer = setTimeout(() => {
    room.gapTimer = undefined
    if (rooms.get(sessionId) === room && socket?.connected) void emitJoin(sessionId, room)
  }, GAP_RESYNC_MS)
}

async function emitJoin(sessionId: string, room: Room, only?: RoomListener): Promise<void> {
  const targets = only ? [only] : [...room.listeners]
  const response = await emitWithAck(
    'session:join',
    { sessionId, lastMessageSeq: room.cursor.value },
    'The server did not answer',
  )
  if (!response.ok) {
    for (const listener of targets) listener.onError(response.error)
    return
  }
  for (const message of response.data.missed) noteMessageSeen(sessionId, message.seq)
  for (const listener of targets) listener.onJoined(response.data)
}

/** The answer an acknowledged client event gets, read from the contract. */
export type AckDataOf<E extends ClientEvent> =
  Parameters<ClientToServerEvents[E]> extends [unknown, (response: Ack<infer T>) => void]
    ? T
    : never

/** Client events that must be answered (the browser never waits for `session:leave`). */
export type AckedEvent = {
  [E in ClientEvent]: AckDataOf<E> extends never ? never : E
}[ClientEvent]

/**
 * How `emitWithAck` sees the socket: Socket.IO cannot relate a generic event name to its
 * parameters, so the typing lives in `emitWithAck`'s signature; the socket is checked against
 * this view.
 */
type AckEmitter = {
  emit(event: AckedEvent, payload: unknown, ack: (error: Error, response: never) => void): unknown
}

/**
 * Emits a client event and waits for its answer. No answer in time, or a connection lost
 * meanwhile, is a `timeout` error with `timeoutMessage`.
 */
export function emitWithAck<E extends AckedEvent>(
  event: E,
  payload: Parameters<ClientToServerEvents[E]>[0],
  timeoutMessage = 'No answer from the server. Check your connection.',
): Promise<Ack<AckDataOf<E>>> {
  // Socket.IO's own timeout also drops the packet if it is still waiting for a connection, so
  // a message that timed out is never delivered behind the user's back on reconnect.
  const socket: AckEmitter = getSocket().timeout(ACK_TIMEOUT_MS)
  return new Promise((resolve) => {
    socket.emit(event, payload, (error, response: Ack<AckDataOf<E>>) =>
      resolve(
        error ? { ok: false, error: { code: 'timeout', message: timeoutMessage } } : response,
      ),
    )
  })
}
