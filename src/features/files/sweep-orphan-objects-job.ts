import { inArray, or } from 'drizzle-orm'
import { z } from 'zod'
import { sessionFiles } from '@/db/schema'
import { defineJob } from '@/features/jobs/define-job'
import { enqueueJob } from '@/features/jobs/enqueue-job'
import { getContext } from '@/server/context'

/**
 * Deletes the objects of an upload whose row never appeared: the process died between writing
 * them and inserting the row. Queued (and committed) before the first object is written, due once
 * the upload must long be over; for an upload that completed it finds the row and does nothing.
 */
export const sweepOrphanObjectsJob = defineJob({
  kind: 'files.sweep-orphan-objects',
  payload: z.object({ keys: z.array(z.string().min(1)).min(1).max(4) }),
  run: async ({ keys }) => {
    const { database, storage } = getContext()
    const rows = await database.db
      .select({ storageKey: sessionFiles.storageKey, thumbnailKey: sessionFiles.thumbnailKey })
      .from(sessionFiles)
      .where(or(inArray(sessionFiles.storageKey, keys), inArray(sessionFiles.thumbnailKey, keys)))
    const referenced = new Set(rows.flatMap((row) => [row.storageKey, row.thumbnailKey]))
    for (const key of keys) if (!referenced.has(key)) await storage.delete(key)
  },
})

/** Asks, before anything is written, for the clean-up of an upload's objects should it fail. */
export async function enqueueOrphanSweep(keys: string[], graceSeconds: number): Promise<void> {
  await getContext().database.db.transaction((tx) =>
    enqueueJob(
      tx,
      sweepOrphanObjectsJob,
      { keys },
      { key: `files.sweep:${keys[0]}`, runAt: new Date(Date.now() + graceSeconds * 1000) },
    ),
  )
}
