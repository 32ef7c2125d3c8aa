import { and, eq, gt, isNotNull, lte, or, sql } from 'drizzle-orm'
import { sessions } from '@/db/schema'
import { publishToSession } from '@/features/realtime/publish'
import { AppError } from '@/lib/errors'
import { logger } from '@/lib/logger'
import { getContext } from '@/server/context'
import { type EndReason, endSession } from './end-session'
import type { SessionStatus } from './statuses'
import type { SessionRow } from './transition-session'

const WARNING_MINUTES = [5, 1] as const
// Endings in flight at once; well under the default pool of 10 so requests still get connections.
const SWEEP_CONCURRENCY = 4

/**
 * One pass of the clock loop. Every write is conditional, so any number of servers can run it at
 * once and each session still ends exactly once.
 */
export async function sweepSessions(now = new Date()): Promise<{ ended: number }> {
  const { db } = getContext().database
  const { env } = getContext()
  const reconnectCutoff = new Date(now.getTime() - env.RECONNECT_TIMEOUT_SECONDS * 1000)
  const requestCutoff = new Date(now.getTime() - env.REQUEST_TIMEOUT_SECONDS * 1000)
  const due = await db
    .select({ id: sessions.id, status: sessions.status, expiresAt: sessions.expiresAt })
    .from(sessions)
    .where(
      or(
        and(eq(sessions.status, 'live'), lte(sessions.expiresAt, now)),
        and(eq(sessions.status, 'reconnecting'), lte(sessions.pausedAt, reconnectCutoff)),
        and(eq(sessions.status, 'pending'), lte(sessions.requestedAt, requestCutoff)),
      ),
    )
    .orderBy(sessions.expiresAt)
    .limit(1000)

  // The same conditions again on the locked row: an extension paid or a participant back since
  // the select above must keep the session going.
  const stillDue = (current: SessionRow): boolean => {
    switch (current.status) {
      case 'live':
        return Boolean(current.expiresAt && current.expiresAt <= now)
      case 'reconnecting':
        return Boolean(current.pausedAt && current.pausedAt <= reconnectCutoff)
      case 'pending':
        return current.requestedAt <= requestCutoff
      case 'accepted':
      case 'waiting':
      case 'completed':
      case 'cancelled':
      case 'expired':
        return false
    }
  }

  let ended = 0
  let next = 0
  // Each ending is its own transaction on its own row, so they run side by side: one after the
  // other, the last of a burst of expiries would wait for every earlier one's round trips.
  const lane = async () => {
    for (let session = due[next++]; session; session = due[next++]) {
      const [reason, expectedFrom] = endingFor(session.status)
      try {
        await endSession({
          sessionId: session.id,
          actorId: null,
          reason,
          expectedFrom,
          onlyIf: stillDue,
        })
        ended++
      } catch (error) {
        // Another server (or a participant) ended it first, or it is no longer due.
        if (error instanceof AppError && error.code === 'conflict') continue
        logger().error({ err: error, sessionId: session.id }, 'failed to end session')
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(SWEEP_CONCURRENCY, due.length) }, lane))
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
      // The update only claims sessions with a deadline.
      if (!session.expiresAt) continue
      publishToSession(session.id, 'session:warning', {
        sessionId: session.id,
        minutesLeft: minutes,
        expiresAt: session.expiresAt.toISOString(),
        serverNow: new Date().toISOString(),
      })
    }
  }
}
