import { eq } from 'drizzle-orm'
import { instances } from '@/db/schema'
import { getContext } from '@/server/context'

/**
 * A graceful shutdown, once this instance's connections are closed: the others treat its
 * participants as dropped from this moment, without waiting for the heartbeat to go stale.
 */
export async function markInstanceStopped(id: string, now = new Date()): Promise<void> {
  await getContext()
    .database.db.update(instances)
    .set({ stoppedAt: now, heartbeatAt: now })
    .where(eq(instances.id, id))
}
