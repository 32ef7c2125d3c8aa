import { listMessages } from '@/features/chat/list-messages'
import {
  type JoinResult,
  joinPayloadSchema,
  type LiveVersion,
  leavePayloadSchema,
  liveScopeSchema,
  type SessionState,
} from '@/features/realtime/contract'
import { readPresence } from '@/features/realtime/presence'
import { publish, publishToSession } from '@/features/realtime/publish'
import { roomOf } from '@/features/realtime/rooms'
import { withAck } from '@/features/realtime/socket-ack'
import type { RegisterSocketHandlers } from '@/features/realtime/socket-handlers'
import { AppError } from '@/lib/errors'
import { logger } from '@/lib/logger'
import { buildSessionState } from './build-session-state'
import { getLiveVersion } from './get-live-version'
import { enterRoomOrThrow } from './get-room-entry'
import { notifyPresenceChanged } from './notify-session-changed'
import { syncPresence } from './sync-presence'

// Absence checks in a row that may find presence incomplete (a server not answering).
const MAX_ABSENCE_CHECKS = 12

/**
 * The session's events on the socket: joining and leaving its room (which moves the session by
 * presence) and the version check of live pages.
 */
export const registerSessionSocketHandlers: RegisterSocketHandlers = ({
  socket,
  user,
  env,
  schedule,
}) => {
  // Session rooms this socket is in as a participant (admins watch without counting as present).
  const joined = new Set<string>()
  // Session rooms this admin's socket watches: participants are told while anyone does.
  const watching = new Set<string>()
  // One socket's joins and leaves run in the order they were sent: a leave that overtook a join
  // still waiting on the database would otherwise leave the socket in the room for good.
  let queue: Promise<unknown> = Promise.resolve()
  const inOrder = <T>(run: () => Promise<T>): Promise<T> => {
    const next = queue.then(run)
    queue = next.catch(() => undefined)
    return next
  }

  socket.on('session:join', (payload, ack) =>
    withAck(ack, () =>
      inOrder(async (): Promise<JoinResult> => {
        const { sessionId, lastMessageSeq } = joinPayloadSchema.parse(payload)
        const { role } = await enterRoomOrThrow(sessionId, user)
        // Gone while the lookups ran: joining now would leave a dead id in the room.
        if (socket.disconnected) throw new AppError('unavailable', 'The connection closed')
        await socket.join(roomOf.session(sessionId))
        let state: SessionState | null = null
        if (role !== 'admin') {
          joined.add(sessionId)
          publish({ sessions: [sessionId], exceptSocketId: socket.id }, 'presence', {
            sessionId,
            userId: user.id,
            present: true,
          })
          // A change of status already built (and sent) the snapshot; the answer reuses it.
          const { result } = await syncPresence(sessionId, user.id)
          state = result?.state ?? null
          // No change of status, but the dashboards say who is in the room.
          if (!result) await notifyPresenceChanged(sessionId)
        } else if (!watching.has(sessionId)) {
          watching.add(sessionId)
          publishToSession(sessionId, 'session:watched', { sessionId, watched: true })
        }
        state ??= await buildSessionState(sessionId)
        if (!state) throw new AppError('not_found', 'Session not found')
        const watched = role === 'admin' || (await readPresence(sessionId)).watched
        return { state, missed: await listMessages(sessionId, lastMessageSeq ?? 0), role, watched }
      }),
    ),
  )

  socket.on('session:leave', (payload, ack) =>
    withAck(ack, () =>
      inOrder(async () => {
        const { sessionId } = leavePayloadSchema.parse(payload)
        await socket.leave(roomOf.session(sessionId))
        if (joined.delete(sessionId)) scheduleAbsenceCheck(sessionId)
        if (watching.delete(sessionId)) await announceIfUnwatched(sessionId)
        return { left: sessionId }
      }),
    ),
  )

  // A live page asks this on every connect: its user's rooms are joined before the connection
  // completes, so whatever changed before this answer is counted, and anything later is pushed.
  socket.on('live:version', (payload, ack) =>
    withAck(
      ack,
      async (): Promise<LiveVersion> => ({
        version: await getLiveVersion(user, liveScopeSchema.parse(payload)),
      }),
    ),
  )

  socket.on('disconnect', () =>
    inOrder(async () => {
      for (const sessionId of joined) scheduleAbsenceCheck(sessionId)
      joined.clear()
      for (const sessionId of watching) await announceIfUnwatched(sessionId)
      watching.clear()
    }),
  )

  /**
   * The end of a watch is announced only when no admin is left in the room (another may still be
   * watching). A server that did not answer may hide one: saying the watch ended would then be
   * false, so nothing is said until the last one leaves.
   */
  async function announceIfUnwatched(sessionId: string): Promise<void> {
    try {
      const reading = await readPresence(sessionId)
      if (reading.watched || !reading.complete) return
      publishToSession(sessionId, 'session:watched', { sessionId, watched: false })
    } catch (error) {
      logger().error({ err: error, sessionId }, 'watch check failed')
    }
  }

  /**
   * A dropped participant gets a grace period to come back before the clock pauses. When a server
   * did not answer, whether they are back is unknown: look again after another grace period (by
   * then the adapter has forgotten a dead server, and presence is complete again). A server that
   * keeps beating but never answers is not waited on forever; the lost-instances loop still
   * covers a dead one.
   */
  function scheduleAbsenceCheck(sessionId: string, attempt = 1): void {
    const again = () => {
      if (attempt < MAX_ABSENCE_CHECKS) scheduleAbsenceCheck(sessionId, attempt + 1)
      else logger().warn({ sessionId }, 'presence still incomplete; absence check given up')
    }
    schedule(env.PRESENCE_GRACE_SECONDS * 1000, async () => {
      try {
        const reading = await readPresence(sessionId)
        if (reading.userIds.has(user.id)) return
        if (!reading.complete) return again()
        publishToSession(sessionId, 'presence', { sessionId, userId: user.id, present: false })
        const { result, complete } = await syncPresence(sessionId, null)
        if (!result) await notifyPresenceChanged(sessionId)
        if (!complete) again()
      } catch (error) {
        logger().error({ err: error, sessionId }, 'presence check failed')
      }
    })
  }
}
