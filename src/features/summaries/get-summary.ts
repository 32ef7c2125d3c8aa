import { eq } from 'drizzle-orm'
import type { Executor } from '@/db/client'
import { sessionSummaries } from '@/db/schema'
import type { SessionUser } from '@/features/auth/session-user'
import { getSessionAccessOrThrow } from '@/features/sessions/get-session-access'
import { getContext } from '@/server/context'
import type { SummaryView } from './summary-view'

type SummaryRow = typeof sessionSummaries.$inferSelect

export function toSummaryView(row: SummaryRow): SummaryView {
  return {
    sessionId: row.sessionId,
    findings: row.findings,
    stepsTaken: row.stepsTaken,
    recommendations: row.recommendations,
    urgency: row.urgency,
    parts: row.parts,
    photoFileIds: row.photoFileIds,
    updatedAt: row.updatedAt.toISOString(),
    submittedAt: row.summarySubmittedAt?.toISOString() ?? null,
  }
}

/** Without the access check: for pages and jobs that have already made it. */
export async function getSummaryOfSession(
  sessionId: string,
  executor: Executor = getContext().database.db,
): Promise<SummaryView | null> {
  const [row] = await executor
    .select()
    .from(sessionSummaries)
    .where(eq(sessionSummaries.sessionId, sessionId))
  return row ? toSummaryView(row) : null
}

/**
 * The summary for the session's participants and admins (anyone else: 404). The customer sees it
 * only once it is sent; a draft is the mechanic's until then.
 */
export async function getSummaryForUser(
  user: SessionUser,
  sessionId: string,
): Promise<SummaryView | null> {
  const { session, role } = await getSessionAccessOrThrow(sessionId, user)
  const summary = await getSummaryOfSession(session.id)
  if (summary && !summary.submittedAt && role !== 'mechanic') return null
  return summary
}
