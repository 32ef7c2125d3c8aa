import { and, eq, inArray } from 'drizzle-orm'
import { sessions, users } from '@/db/schema'
import { isApprovedMechanic } from '@/features/auth/session-user'
import { plans } from '@/features/catalogue/catalogue'
import { requestAcceptedEmail } from '@/features/mail/email-templates'
import { enqueueEmail } from '@/features/mail/send-email-job'
import { AppError } from '@/lib/errors'
import { isUuid } from '@/lib/ids'
import { getContext } from '@/server/context'
import { notifySessionChanged } from './notify-session-changed'
import { roomPathFor } from './room-path'
import { activeStatuses, isTerminal, type SessionStatus } from './statuses'
import { type SessionRow, transitionSession } from './transition-session'

/**
 * A mechanic takes a paid request. The transition locks the row, so when several accept at once
 * exactly one moves it from pending; the rest are told it is taken.
 */
export async function acceptRequest({
  sessionId,
  mechanicId,
}: {
  sessionId: string
  mechanicId: string
}): Promise<SessionRow> {
  if (!(await isApprovedMechanic(mechanicId))) {
    throw new AppError('forbidden', 'Your mechanic account is awaiting approval')
  }
  if (!isUuid(sessionId)) throw new AppError('not_found', 'Request not found')
  const session = await getContext().database.db.transaction(async (tx) => {
    // One mechanic accepting two requests at once: the second waits here, then sees the first.
    await tx.select({ id: users.id }).from(users).where(eq(users.id, mechanicId)).for('update')
    const [busy] = await tx
      .select({ id: sessions.id })
      .from(sessions)
      .where(
        and(eq(sessions.mechanicId, mechanicId), inArray(sessions.status, [...activeStatuses])),
      )
    if (busy) {
      throw new AppError('conflict', 'Finish your active session before taking another', {
        sessionId: busy.id,
      })
    }
    try {
      const result = await transitionSession(tx, {
        sessionId,
        to: 'accepted',
        actorId: mechanicId,
        reason: 'mechanic_accepted',
        expectedFrom: ['pending'],
        patch: () => ({ mechanicId, acceptedAt: new Date() }),
      })
      const accepted = result.session
      // The customer may have left the page; the email brings them back to the room.
      const [mechanic] = await tx
        .select({ name: users.name })
        .from(users)
        .where(eq(users.id, mechanicId))
      const joinPath = roomPathFor(accepted.id, plans[accepted.plan].type)
      await enqueueEmail(tx, {
        key: `request-accepted:${accepted.id}`,
        userId: accepted.customerId,
        ...requestAcceptedEmail({
          mechanicName: mechanic?.name || 'A mechanic',
          joinUrl: new URL(joinPath, getContext().env.appUrl).toString(),
        }),
      })
      return accepted
    } catch (error) {
      if (error instanceof AppError && error.code === 'conflict') {
        // A withdrawn or expired request was not taken by anyone; say which it is.
        const status = error.details?.status as SessionStatus | undefined
        throw new AppError(
          'conflict',
          status && isTerminal(status)
            ? 'This request is no longer available'
            : 'This request was already taken by another mechanic',
          error.details,
        )
      }
      throw error
    }
  })
  await notifySessionChanged(session.id)
  return session
}
