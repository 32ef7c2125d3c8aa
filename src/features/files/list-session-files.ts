import { asc, eq } from 'drizzle-orm'
import { sessionFiles, users } from '@/db/schema'
import type { SessionUser } from '@/features/auth/session-user'
import type { SharedFile } from '@/features/realtime/contract'
import { getSessionAccessOrThrow } from '@/features/sessions/get-session-access'
import { getContext } from '@/server/context'
import { sharedFileView } from './shared-file-view'

/** The session's files, oldest first, for its participants and admins (anyone else: 404). */
export async function listSessionFiles(
  user: SessionUser,
  sessionId: string,
): Promise<SharedFile[]> {
  const { session } = await getSessionAccessOrThrow(sessionId, user)
  return listFilesOfSession(session.id)
}

/** Without the access check: for pages that have already made it. */
export async function listFilesOfSession(sessionId: string): Promise<SharedFile[]> {
  const rows = await getContext()
    .database.db.select({ file: sessionFiles, uploaderName: users.name })
    .from(sessionFiles)
    .innerJoin(users, eq(users.id, sessionFiles.uploaderId))
    .where(eq(sessionFiles.sessionId, sessionId))
    .orderBy(asc(sessionFiles.createdAt), asc(sessionFiles.id))
  return rows.map((row) => sharedFileView(row.file, row.uploaderName))
}
