import type { Server, Socket } from 'socket.io'
import { z } from 'zod'
import type { SessionUser } from '@/features/auth/session-user'
import { listMessages } from '@/features/chat/list-messages'
import { applyPresence } from '@/features/sessions/apply-presence'
import { getLiveVersion, liveScopeSchema } from '@/features/sessions/get-live-version'
import { getSessionAccessOrThrow } from '@/features/sessions/get-session-access'
import { isTerminal } from '@/features/sessions/statuses'
import type { ServerEnv } from '@/lib/env'
import { AppError } from '@/lib/errors'
import { logger } from '@/lib/logger'
import { type JoinResult, type LiveVersion, roomOf } from './events'
import { presentUserIds } from './presence'
import { buildSessionState } from './session-state'
import { withAck } from './socket-ack'

export type RoomTracker = { timers: Set<NodeJS.Timeout> }

const joinSchema = z.object({
  sessionId: z.uuid(),
  lastMessageId: z.number().int().min(0).optional(),
})
const leaveSchema = z.object({ sessionId: z.uuid() })

export function registerSessionHandlers(
  io: Server,
  socket: Socket,
  env: ServerEnv,
  tracker: RoomTracker,
): void {
  const user = socket.data.user as SessionUser
  // Session rooms this socket is in as a participant (admins watch without counting as present).
  const joined = new Set<string>()
  // One socket's joins and leaves run in the order they were sent: a leave that overtook a join
  // still waiting on the database would otherwise leave the socket in the room for good.
  let queue: Promise<unknown> = Promise.resolve()
  const inOrder = <T>(run: () => Promise<T>): Promise<T> => {
    const next = queue.then(run)
    queue = next.catch(() => undefined)
    return next
  }

  socket.on('session:join', (payload: unknown, ack: unknown) =>
    withAck(ack, () =>
      inOrder(async (): Promise<JoinResult> => {
        const { sessionId, lastMessageId } = joinSchema.parse(payload)
        const { session, role } = await getSessionAccessOrThrow(sessionId, user)
        if (isTerminal(session.status)) {
          throw new AppError('conflict', 'This session has ended', { status: session.status })
        }
        if (session.status === 'pending') {
          throw new AppError('conflict', 'No mechanic has accepted this request yet', {
            status: session.status,
          })
        }
        // Gone while the lookups ran: joining now would leave a dead id in the room.
        if (socket.disconnected) throw new AppError('unavailable', 'The connection closed')
        await socket.join(roomOf.session(sessionId))
        if (role !== 'admin') {
          joined.add(sessionId)
          socket
            .to(roomOf.session(sessionId))
            .emit('presence', { sessionId, userId: user.id, present: true })
          await syncPresence(sessionId, user.id)
        }
        const state = await buildSessionState(sessionId)
        if (!state) throw new AppError('not_found', 'Session not found')
        return { state, missed: await listMessages(sessionId, lastMessageId ?? 0), role }
      }),
    ),
  )

  socket.on('session:leave', (payload: unknown, ack: unknown) =>
    withAck(ack, () =>
      inOrder(async () => {
        const { sessionId } = leaveSchema.parse(payload)
        await socket.leave(roomOf.session(sessionId))
        if (joined.delete(sessionId)) scheduleAbsenceCheck(sessionId)
        return { left: sessionId }
      }),
    ),
  )

  // A live page asks this on every connect: its user's rooms are joined before the connection
  // completes, so whatever changed before this answer is counted, and anything later is pushed.
  socket.on('live:version', (payload: unknown, ack: unknown) =>
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
    }),
  )

  /** A dropped participant gets a grace period to come back before the clock pauses. */
  function scheduleAbsenceCheck(sessionId: string): void {
    const timer = setTimeout(() => {
      tracker.timers.delete(timer)
      void (async () => {
        const present = await presentUserIds(sessionId)
        if (present.has(user.id)) return
        io.to(roomOf.session(sessionId)).emit('presence', {
          sessionId,
          userId: user.id,
          present: false,
        })
        await syncPresence(sessionId, null)
      })().catch((error: unknown) =>
        logger().error({ err: error, sessionId }, 'presence check failed'),
      )
    }, env.PRESENCE_GRACE_SECONDS * 1000)
    tracker.timers.add(timer)
  }
}

/**
 * Lets the session react to who is in its room on every server. Presence is read only once the
 * session row is locked, so a stale reading can never overwrite a newer one.
 */
async function syncPresence(sessionId: string, actorId: string | null): Promise<void> {
  await applyPresence(
    sessionId,
    async (session) => {
      const present = await presentUserIds(sessionId)
      return {
        customer: present.has(session.customerId),
        mechanic: session.mechanicId ? present.has(session.mechanicId) : false,
      }
    },
    actorId,
  )
}
