import { and, eq, lte, or } from 'drizzle-orm'
import { instances } from '@/db/schema'
import { getContext } from '@/server/context'
import type { GoneInstance } from './find-gone-instances'

/**
 * Removes gone instances once what they left behind has been dealt with. A row that beat again
 * meanwhile (the instance was only slow) stays: it is alive after all.
 */
export async function forgetInstances(gone: readonly GoneInstance[]): Promise<void> {
  if (gone.length === 0) return
  await getContext()
    .database.db.delete(instances)
    .where(
      or(
        ...gone.map((instance) =>
          and(eq(instances.id, instance.id), lte(instances.heartbeatAt, instance.lastSeenAt)),
        ),
      ),
    )
}
