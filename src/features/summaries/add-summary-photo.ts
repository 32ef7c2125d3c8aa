import { eq } from 'drizzle-orm'
import { sessionSummaries } from '@/db/schema'
import type { SessionUser } from '@/features/auth/session-user'
import { storeFile, type UploadInput } from '@/features/files/store-session-file'
import type { SharedFile } from '@/features/realtime/contract'
import { getContext } from '@/server/context'
import { alreadySent, getSessionForSummaryOrThrow } from './summary-access'

/**
 * A photo the mechanic takes after the session (the part they found, the repair quote) joins the
 * session's files, so the summary can show it like one shared in the room. Only photos, only by
 * the session's mechanic, only until the summary is sent.
 */
export async function addSummaryPhoto(user: SessionUser, input: UploadInput): Promise<SharedFile> {
  const session = await getSessionForSummaryOrThrow(user, input.sessionId)
  const [summary] = await getContext()
    .database.db.select({ sentAt: sessionSummaries.summarySubmittedAt })
    .from(sessionSummaries)
    .where(eq(sessionSummaries.sessionId, session.id))
  if (summary?.sentAt) throw alreadySent()
  return storeFile(user, input, { onlyImages: true })
}
