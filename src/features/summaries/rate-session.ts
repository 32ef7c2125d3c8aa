import { avg, count, eq } from 'drizzle-orm'
import { sessionRatings } from '@/db/schema'
import type { SessionUser } from '@/features/auth/session-user'
import { logEvent } from '@/features/events/log-event'
import { getSessionAccessOrThrow } from '@/features/sessions/get-session-access'
import { AppError } from '@/lib/errors'
import { getContext } from '@/server/context'
import type { RatingInput } from './schemas'
import { needsSummary } from './summary-access'

export type RatingView = { stars: number; comment: string | null; createdAt: string }

/** The customer rates a session that went live, once; a second rating is a 409 and changes nothing. */
export async function rateSession(
  user: SessionUser,
  sessionId: string,
  input: RatingInput,
): Promise<RatingView> {
  const { session, role } = await getSessionAccessOrThrow(sessionId, user)
  if (role !== 'customer') throw new AppError('forbidden', 'Only the customer rates a session')
  if (!needsSummary(session) || !session.mechanicId) {
    throw new AppError('conflict', 'A session is rated once it has ended', {
      status: session.status,
    })
  }
  const mechanicId = session.mechanicId
  return getContext().database.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(sessionRatings)
      .values({
        sessionId: session.id,
        customerId: user.id,
        mechanicId,
        stars: input.stars,
        comment: input.comment ? input.comment : null,
      })
      .onConflictDoNothing({ target: sessionRatings.sessionId })
      .returning()
    if (!row) throw new AppError('conflict', 'You already rated this session')
    await logEvent(tx, {
      type: 'session.rated',
      subjectId: session.id,
      actorId: user.id,
      data: { stars: row.stars },
    })
    return toRatingView(row)
  })
}

function toRatingView(row: typeof sessionRatings.$inferSelect): RatingView {
  return { stars: row.stars, comment: row.comment, createdAt: row.createdAt.toISOString() }
}

/** The session's rating, if given; callers have checked access. */
export async function getRatingOfSession(sessionId: string): Promise<RatingView | null> {
  const [row] = await getContext()
    .database.db.select()
    .from(sessionRatings)
    .where(eq(sessionRatings.sessionId, sessionId))
  return row ? toRatingView(row) : null
}

/** A mechanic's average stars over every rated session (null before the first rating). */
export async function getMechanicRating(
  mechanicId: string,
): Promise<{ average: number | null; count: number }> {
  const [row] = await getContext()
    .database.db.select({ average: avg(sessionRatings.stars), count: count() })
    .from(sessionRatings)
    .where(eq(sessionRatings.mechanicId, mechanicId))
  const total = row?.count ?? 0
  return { average: total > 0 && row?.average ? Number(row.average) : null, count: total }
}
