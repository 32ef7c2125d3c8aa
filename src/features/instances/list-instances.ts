import { asc } from 'drizzle-orm'
import { instances } from '@/db/schema'
import { getContext } from '@/server/context'
import { STALE_AFTER_MS } from './instance-timing'

export type InstanceView = {
  id: string
  startedAt: string
  heartbeatAt: string
  /** alive: beating; stopping: shut down gracefully, clients still returning; silent: stale. */
  state: 'alive' | 'stopping' | 'silent'
}

/** Every server process the database knows of, for the admins' Health page. */
export async function listInstances(now = new Date()): Promise<InstanceView[]> {
  const rows = await getContext()
    .database.db.select()
    .from(instances)
    .orderBy(asc(instances.startedAt))
  return rows.map((row) => ({
    id: row.id,
    startedAt: row.startedAt.toISOString(),
    heartbeatAt: row.heartbeatAt.toISOString(),
    state: row.stoppedAt
      ? 'stopping'
      : row.heartbeatAt.getTime() + STALE_AFTER_MS <= now.getTime()
        ? 'silent'
        : 'alive',
  }))
}
