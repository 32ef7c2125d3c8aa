import { randomUUID } from 'node:crypto'
import { instances } from '@/db/schema'
import { getContext } from '@/server/context'

/** Adds this process to the instances table; the id lives as long as the process. */
export async function registerInstance(now = new Date()): Promise<string> {
  const id = randomUUID()
  await getContext().database.db.insert(instances).values({ id, startedAt: now, heartbeatAt: now })
  return id
}
