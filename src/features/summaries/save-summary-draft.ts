import type { SessionUser } from '@/features/auth/session-user'
import { getContext } from '@/server/context'
import { toSummaryView } from './get-summary'
import type { SummaryDraftInput } from './schemas'
import { getSessionForSummaryOrThrow } from './summary-access'
import type { SummaryView } from './summary-view'
import { writeUnsentSummary } from './write-unsent-summary'

/** Saves what the mechanic has typed so far; once the summary is sent, saving is a 409. */
export async function saveSummaryDraft(
  user: SessionUser,
  sessionId: string,
  input: SummaryDraftInput,
): Promise<SummaryView> {
  const session = await getSessionForSummaryOrThrow(user, sessionId)
  const row = await writeUnsentSummary(
    getContext().database.db,
    { sessionId: session.id, mechanicId: user.id },
    input,
    { send: false },
  )
  return toSummaryView(row)
}
