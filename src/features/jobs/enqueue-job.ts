import type { Transaction } from '@/db/client'
import { jobs } from '@/db/schema'
import type { JobDefinition } from './define-job'

/**
 * Asks for a side effect inside the caller's transaction: it happens only if the transaction
 * commits, and a crash right after the commit cannot lose it. The same `key` twice makes one job.
 */
export async function enqueueJob<TPayload>(
  tx: Transaction,
  definition: JobDefinition<TPayload>,
  payload: TPayload,
  options: { key?: string; runAt?: Date } = {},
): Promise<void> {
  await tx
    .insert(jobs)
    .values({
      kind: definition.kind,
      payload: definition.payload.parse(payload),
      key: options.key ?? null,
      runAt: options.runAt ?? new Date(),
    })
    .onConflictDoNothing({ target: jobs.key })
}
