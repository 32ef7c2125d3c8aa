import type { SessionUser } from '@/features/auth/session-user'
import { logEvent } from '@/features/events/log-event'
import { notifySessionChanged } from '@/features/sessions/notify-session-changed'
import { getContext } from '@/server/context'
import { toSummaryView } from './get-summary'
import type { SummarySubmitInput } from './schemas'
import { enqueueSummaryEmail } from './send-summary-email-job'
import { getSessionForSummaryOrThrow } from './summary-access'
import type { SummaryView } from './summary-view'
import { writeUnsentSummary } from './write-unsent-summary'

/**
 * Sends the summary, once. The final text, `summary_submitted_at` and the email job are one
 * transaction; a second send finds it sent and writes nothing (409).
 */
export async function submitSummary(
  user: SessionUser,
  sessionId: string,
  input: SummarySubmitInput,
): Promise<SummaryView> {
  const session = await getSessionForSummaryOrThrow(user, sessionId)
  const summary = await getContext().database.db.transaction(async (tx) => {
    const row = await writeUnsentSummary(
      tx,
      { sessionId: session.id, mechanicId: user.id },
      input,
      { send: true },
    )
    await enqueueSummaryEmail(tx, session.id)
    await logEvent(tx, {
      type: 'summary.submitted',
      subjectId: session.id,
      actorId: user.id,
      data: { parts: input.parts.length, photos: row.photoFileIds.length },
    })
    return toSummaryView(row)
  })
  // The customer's open pages (session page, dashboard) pick up the change.
  await notifySessionChanged(session.id)
  return summary
}
