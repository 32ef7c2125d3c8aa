import { isNull, sql } from 'drizzle-orm'
import { sessionSummaries } from '@/db/schema'
import type { SessionUser } from '@/features/auth/session-user'
import { getContext } from '@/server/context'
import { checkSummaryPhotos } from './check-summary-photos'
import { toSummaryView } from './get-summary'
import type { SummaryDraftInput } from './schemas'
import { alreadySent, getSessionForSummaryOrThrow } from './summary-access'
import type { SummaryView } from './summary-view'

/**
 * Saves what the mechanic has typed so far. Once the summary is sent the row no longer changes:
 * the conditional upsert writes nothing and the caller gets the 409.
 */
export async function saveSummaryDraft(
  user: SessionUser,
  sessionId: string,
  input: SummaryDraftInput,
): Promise<SummaryView> {
  const session = await getSessionForSummaryOrThrow(user, sessionId)
  const db = getContext().database.db
  const photoFileIds = await checkSummaryPhotos(db, session.id, input.photoFileIds)
  const values = { ...input, photoFileIds, updatedAt: sql`now()` }
  const [row] = await db
    .insert(sessionSummaries)
    .values({ sessionId: session.id, mechanicId: user.id, ...values })
    .onConflictDoUpdate({
      target: sessionSummaries.sessionId,
      set: values,
      setWhere: isNull(sessionSummaries.summarySubmittedAt),
    })
    .returning()
  if (!row) throw alreadySent()
  return toSummaryView(row)
}
