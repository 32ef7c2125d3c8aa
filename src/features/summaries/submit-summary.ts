import { isNull, sql } from 'drizzle-orm'
import { sessionSummaries } from '@/db/schema'
import type { SessionUser } from '@/features/auth/session-user'
import { logEvent } from '@/features/events/log-event'
import { notifySessionChanged } from '@/features/sessions/notify-session-changed'
import { getContext } from '@/server/context'
import { checkSummaryPhotos } from './check-summary-photos'
import { toSummaryView } from './get-summary'
import type { SummarySubmitInput } from './schemas'
import { enqueueSummaryEmail } from './send-summary-email-job'
import { alreadySent, getSessionForSummaryOrThrow } from './summary-access'
import type { SummaryView } from './summary-view'

/**
 * Sends the summary, once. The final text, `summary_submitted_at` and the email job are one
 * transaction; the upsert only writes a row not yet sent, so of two submits at the same moment
 * the second waits for the first's row lock, then finds it sent and writes nothing (409).
 */
export async function submitSummary(
  user: SessionUser,
  sessionId: string,
  input: SummarySubmitInput,
): Promise<SummaryView> {
  const session = await getSessionForSummaryOrThrow(user, sessionId)
  const summary = await getContext().database.db.transaction(async (tx) => {
    const photoFileIds = await checkSummaryPhotos(tx, session.id, input.photoFileIds)
    const values = {
      ...input,
      photoFileIds,
      updatedAt: sql`now()`,
      summarySubmittedAt: sql`now()`,
    }
    const [row] = await tx
      .insert(sessionSummaries)
      .values({ sessionId: session.id, mechanicId: user.id, ...values })
      .onConflictDoUpdate({
        target: sessionSummaries.sessionId,
        set: values,
        setWhere: isNull(sessionSummaries.summarySubmittedAt),
      })
      .returning()
    if (!row) throw alreadySent()
    await enqueueSummaryEmail(tx, session.id)
    await logEvent(tx, {
      type: 'summary.submitted',
      subjectId: session.id,
      actorId: user.id,
      data: { parts: input.parts.length, photos: photoFileIds.length },
    })
    return toSummaryView(row)
  })
  // The customer's open pages (session page, dashboard) pick up the change.
  await notifySessionChanged(session.id)
  return summary
}
