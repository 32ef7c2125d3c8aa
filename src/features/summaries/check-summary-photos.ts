import { and, eq, inArray } from 'drizzle-orm'
import type { Executor } from '@/db/client'
import { sessionFiles } from '@/db/schema'
import { AppError } from '@/lib/errors'

/** Photos are chosen from the session's own images; any other id is refused, not dropped. */
export async function checkSummaryPhotos(
  executor: Executor,
  sessionId: string,
  fileIds: readonly string[],
): Promise<string[]> {
  const unique = [...new Set(fileIds)]
  if (unique.length === 0) return []
  const found = await executor
    .select({ id: sessionFiles.id })
    .from(sessionFiles)
    .where(
      and(
        eq(sessionFiles.sessionId, sessionId),
        eq(sessionFiles.kind, 'image'),
        inArray(sessionFiles.id, unique),
      ),
    )
  if (found.length !== unique.length) {
    throw new AppError('validation_failed', 'photoFileIds: choose photos shared in this session')
  }
  return unique
}
