import {
  type RtcJoinResult,
  rtcJoinPayloadSchema,
  rtcSignalPayloadSchema,
  rtcStatePayloadSchema,
} from '@/features/realtime/contract'
import { readRoomSockets } from '@/features/realtime/presence'
import { publish } from '@/features/realtime/publish'
import { isInSessionRoom, roomOf } from '@/features/realtime/rooms'
import { withAck } from '@/features/realtime/socket-ack'
import type { RegisterSocketHandlers } from '@/features/realtime/socket-handlers'
import { AppError } from '@/lib/errors'
import { logger } from '@/lib/logger'
import { canSignal, getCallAccessOrThrow } from './get-call-access'

/**
 * The call's signaling. A participant's page enters the call room (`rtc:join`) after joining the
 * session's room; offers, answers and candidates are relayed only inside the call room, which
 * holds the two participants' call pages and nobody else (admins watching are in the session
 * room, not here). Every signal re-reads the session, so one that ended stops relaying at once.
 */
export const registerVideoSocketHandlers: RegisterSocketHandlers = ({ socket, user }) => {
  socket.on('rtc:join', (payload, ack) =>
    withAck(ack, async (): Promise<RtcJoinResult> => {
      const { sessionId } = rtcJoinPayloadSchema.parse(payload)
      const { role } = await getCallAccessOrThrow(sessionId, user)
      if (!isInSessionRoom(socket, sessionId)) {
        throw new AppError('conflict', 'Join the session before its call')
      }
      await socket.join(roomOf.call(sessionId))
      const { sockets } = await readRoomSockets(roomOf.call(sessionId))
      const peerPresent = sockets.some((other) => other.data.user?.id !== user.id)
      // The other side (re)starts negotiating: whatever it sent before this page was here is lost.
      publish({ calls: [sessionId], exceptSocketId: socket.id }, 'rtc:peer-joined', {
        sessionId,
        userId: user.id,
      })
      return { role, peerPresent }
    }),
  )

  socket.on('rtc:signal', async (payload) => {
    const parsed = rtcSignalPayloadSchema.safeParse(payload)
    if (!parsed.success) return
    const { sessionId, description, candidate } = parsed.data
    if (!socket.rooms.has(roomOf.call(sessionId))) return
    try {
      const { status } = await getCallAccessOrThrow(sessionId, user)
      if (!canSignal(status)) return
    } catch {
      // Ended or no longer a participant: the signal goes nowhere.
      return
    }
    publish({ calls: [sessionId], exceptSocketId: socket.id }, 'rtc:signal', {
      sessionId,
      fromUserId: user.id,
      ...(description ? { description } : {}),
      ...(candidate !== undefined ? { candidate } : {}),
    })
  })

  // The state (camera, mic, quality) is no media: admins watching the session see it too.
  socket.on('rtc:state', (payload) => {
    const parsed = rtcStatePayloadSchema.safeParse(payload)
    if (!parsed.success) return
    if (!socket.rooms.has(roomOf.call(parsed.data.sessionId))) return
    publish({ sessions: [parsed.data.sessionId], exceptSocketId: socket.id }, 'rtc:state', {
      ...parsed.data,
      userId: user.id,
    })
  })

  // Leaving the session's room leaves its call too.
  socket.on('session:leave', async (payload) => {
    const parsed = rtcJoinPayloadSchema.safeParse(payload)
    if (!parsed.success) return
    try {
      await socket.leave(roomOf.call(parsed.data.sessionId))
    } catch (error) {
      logger().warn({ err: error }, 'leaving a call room failed')
    }
  })
}
