import { avg, count, desc, eq } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { sessionRatings, sessions, users } from '@/db/schema'
import { getContext } from '@/server/context'
import type { RatingView } from './rate-session'

const customers = alias(users, 'customers')
const mechanics = alias(users, 'mechanics')

/** One rating as support reads it: who gave it, to whom, for which session. */
export type RatingRow = RatingView & {
  sessionId: string
  customerName: string
  mechanicName: string
  vehicle: string
}

export const RATINGS_PAGE_SIZE = 25

/**
 * Every rating customers gave, newest first, a page at a time, with the average over all of
 * them. The id ties equal times so pages never overlap or skip.
 */
export async function listRatings({ page }: { page: number }): Promise<{
  ratings: RatingRow[]
  total: number
  pageCount: number
  average: number | null
}> {
  const { db } = getContext().database
  const offset = (Math.max(1, page) - 1) * RATINGS_PAGE_SIZE
  const [rows, [totals]] = await Promise.all([
    db
      .select({
        rating: sessionRatings,
        session: sessions,
        customerName: customers.name,
        mechanicName: mechanics.name,
      })
      .from(sessionRatings)
      .innerJoin(sessions, eq(sessions.id, sessionRatings.sessionId))
      .innerJoin(customers, eq(customers.id, sessionRatings.customerId))
      .innerJoin(mechanics, eq(mechanics.id, sessionRatings.mechanicId))
      .orderBy(desc(sessionRatings.createdAt), desc(sessionRatings.id))
      .limit(RATINGS_PAGE_SIZE)
      .offset(offset),
    db.select({ n: count(), average: avg(sessionRatings.stars) }).from(sessionRatings),
  ])
  const total = totals?.n ?? 0
  return {
    total,
    pageCount: Math.max(1, Math.ceil(total / RATINGS_PAGE_SIZE)),
    average: total > 0 && totals?.average ? Number(totals.average) : null,
    ratings: rows.map(({ rating, session, customerName, mechanicName }) => ({
      sessionId: session.id,
      customerName,
      mechanicName,
      vehicle: `${session.vehicleYear} ${session.vehicleMake} ${session.vehicleModel}`,
      stars: rating.stars,
      comment: rating.comment,
      createdAt: rating.createdAt.toISOString(),
    })),
  }
}
