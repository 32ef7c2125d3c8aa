import { inArray } from 'drizzle-orm'
import { sessionRatings, sessionSummaries } from '@/db/schema'
import { getContext } from '@/server/context'

export type SummaryState = { sent: boolean; rated: boolean }

/** For dashboards: which of these sessions have a sent summary and a rating, in two queries. */
export async function summaryStatesOf(
  sessionIds: readonly string[],
): Promise<Map<string, SummaryState>> {
  const states = new Map<string, SummaryState>()
  if (sessionIds.length === 0) return states
  const ids = [...sessionIds]
  const db = getContext().database.db
  const [summaries, ratings] = await Promise.all([
    db
      .select({
        sessionId: sessionSummaries.sessionId,
        sentAt: sessionSummaries.summarySubmittedAt,
      })
      .from(sessionSummaries)
      .where(inArray(sessionSummaries.sessionId, ids)),
    db
      .select({ sessionId: sessionRatings.sessionId })
      .from(sessionRatings)
      .where(inArray(sessionRatings.sessionId, ids)),
  ])
  const rated = new Set(ratings.map((row) => row.sessionId))
  const sent = new Set(summaries.filter((row) => row.sentAt).map((row) => row.sessionId))
  for (const id of ids) states.set(id, { sent: sent.has(id), rated: rated.has(id) })
  return states
}
