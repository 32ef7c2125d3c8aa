import { and, eq, isNull } from 'drizzle-orm'
import { instances } from '@/db/schema'
import { getContext } from '@/server/context'

/**
 * Writes this instance's heartbeat. Returns `revived: true` when the row was gone: another
 * instance took this one for dead (it could not beat for a while, or the database was away) and
 * paused the clocks it served, so the caller must look at presence again. The row comes back.
 */
export async function beatHeartbeat(id: string, now = new Date()): Promise<{ revived: boolean }> {
  const { db } = getContext().database
  const beaten = await db
    .update(instances)
    .set({ heartbeatAt: now })
    .where(and(eq(instances.id, id), isNull(instances.stoppedAt)))
    .returning({ id: instances.id })
  if (beaten.length > 0) return { revived: false }
  await db
    .insert(instances)
    .values({ id, startedAt: now, heartbeatAt: now })
    .onConflictDoUpdate({ target: instances.id, set: { heartbeatAt: now, stoppedAt: null } })
  return { revived: true }
}
