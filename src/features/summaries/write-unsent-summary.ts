import { isNull, sql } from 'drizzle-orm'
import type { Executor } from '@/db/client'
import { sessionSummaries } from '@/db/schema'
import { checkSummaryPhotos } from './check-summary-photos'
import type { SummaryDraftInput } from './schemas'
import { alreadySent } from './summary-access'

type SummaryRow = typeof sessionSummaries.$inferSelect

/**
 * Writes the mechanic's summary (a draft, or the final text with `send`) unless it was already
 * sent: the upsert's condition leaves a sent row untouched, so a late save or a second send
 * writes nothing and gets the 409. Under concurrent sends the second waits for the first's row
 * lock, then finds it sent.
 */
export async function writeUnsentSummary(
  executor: Executor,
  { sessionId, mechanicId }: { sessionId: string; mechanicId: string },
  input: SummaryDraftInput,
  { send }: { send: boolean },
): Promise<SummaryRow> {
  const photoFileIds = await checkSummaryPhotos(executor, sessionId, input.photoFileIds)
  const values = {
    ...input,
    photoFileIds,
    updatedAt: sql`now()`,
    ...(send ? { summarySubmittedAt: sql`now()` } : {}),
  }
  const [row] = await executor
    .insert(sessionSummaries)
    .values({ sessionId, mechanicId, ...values })
    .onConflictDoUpdate({
      target: sessionSummaries.sessionId,
      set: values,
      setWhere: isNull(sessionSummaries.summarySubmittedAt),
    })
    .returning()
  if (!row) throw alreadySent()
  return row
}
