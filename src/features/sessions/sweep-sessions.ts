import { and, eq, gt, isNotNull, lte, or, sql } from 'drizzle-orm'
import { sessions } from '@/db/schema'
import { retryDueRefunds } from '@/features/payments/refund-payment'
import { publishToSession } from '@/features/realtime/notify'
import { AppError } from '@/lib/errors'
import { logger } from '@/lib/logger'
import { getContext } from '@/server/context'
import { type EndReason, endSession } from './end-session'
import type { SessionStatus } from './statuses'

const WARNING_MINUTES = [5, 1] as const

/**
 * One pass of the clock loop. Every write is conditional, so any number of servers can run it at
 * once and each session still ends exactly once.
 */
export async function sweepSessions(now = new Date()): Promise<{ ended: number }> {
  const { db } = getContext().database
  const { env } = getContext()
  const due = await db
    .select({ id: sessions.id, status: sessions.status, expiresAt: sessions.expiresAt })
    .from(sessions)
    .where(
      or(
        and(eq(sessions.status, 'live'), lte(sessions.expiresAt, now)),
        and(
          eq(sessions.status, 'reconnecting'),
          lte(sessions.pausedAt, new Date(now.getTime() - env.RECONNECT_TIMEOUT_SECONDS * 1000)),
        ),
        and(
          eq(sessions.status, 'pending'),
          lte(sessions.requestedAt, new Date(now.getTime() - env.REQUEST_TIMEOUT_SECONDS * 1000)),
        ),
      ),
    )
    .orderBy(sessions.expiresAt)
    .limit(1000)

  let ended = 0
  for (const session of due) {
    const [reason, expectedFrom] = endingFor(session.status)
    try {
      await endSession({ sessionId: session.id, actorId: null, reason, expectedFrom })
      ended++
    } catch (error) {
      // Another server (or a participant) ended it first.
      if (error instanceof AppError && error.code === 'conflict') continue
      logger().error({ err: error, sessionId: session.id }, 'failed to end session')
    }
  }
  await sendWarnings(now)
  return { ended }
}

function endingFor(status: SessionStatus): [EndReason, readonly SessionStatus[]] {
  if (status === 'pending') return ['request_expired', ['pending']]
  if (status === 'reconnecting') return ['participant_lost', ['reconnecting']]
  return ['time_up', ['live']]
}

/** Claims each warning threshold with one conditional update, then tells the room. */
async function sendWarnings(now: Date): Promise<void> {
  const { db } = getContext().database
  for (const minutes of WARNING_MINUTES) {
    const warned = await db
      .update(sessions)
      .set({ lastWarningMinutes: minutes })
      .where(
        and(
          eq(sessions.status, 'live'),
          isNotNull(sessions.expiresAt),
          gt(sessions.expiresAt, now),
          lte(sessions.expiresAt, new Date(now.getTime() + minutes * 60_000)),
          sql`coalesce(${sessions.lastWarningMinutes}, 1000) > ${minutes}`,
          // A session shorter than the threshold is not warned at its very start.
          gt(sessions.durationSeconds, minutes * 60),
        ),
      )
      .returning({ id: sessions.id, expiresAt: sessions.expiresAt })
    for (const session of warned) {
      publishToSession(session.id, 'session:warning', {
        sessionId: session.id,
        minutesLeft: minutes,
        expiresAt: session.expiresAt?.toISOString(),
        serverNow: new Date().toISOString(),
      })
    }
  }
}

export async function runHousekeeping(): Promise<void> {
  await retryDueRefunds()
}
