import { ne } from 'drizzle-orm'
import { instances } from '@/db/schema'
import { getContext } from '@/server/context'
import { STALE_AFTER_MS } from './instance-timing'

export type GoneInstance = {
  id: string
  /** The last moment its connections may have been alive: its stop, or its last heartbeat. */
  lastSeenAt: Date
}

/**
 * The other instances whose connections count as gone, and how many others look alive. Gone: a
 * heartbeat older than STALE_AFTER_MS (it crashed or hangs), or a graceful stop longer ago than
 * `graceMs` (its clients had the same grace to come back as after a network drop). With
 * `everyOtherIsGone` (the embedded database, which one process at a time can open), every other
 * row is a process that is no more.
 */
export async function findGoneInstances({
  selfId,
  graceMs,
  everyOtherIsGone = false,
  now = new Date(),
}: {
  selfId: string
  graceMs: number
  everyOtherIsGone?: boolean
  now?: Date
}): Promise<{ gone: GoneInstance[]; livePeers: number }> {
  const others = await getContext()
    .database.db.select()
    .from(instances)
    .where(ne(instances.id, selfId))
  const gone: GoneInstance[] = []
  let livePeers = 0
  for (const other of others) {
    const isGone =
      everyOtherIsGone ||
      (other.stoppedAt
        ? other.stoppedAt.getTime() + graceMs <= now.getTime()
        : other.heartbeatAt.getTime() + STALE_AFTER_MS <= now.getTime())
    if (isGone) gone.push({ id: other.id, lastSeenAt: other.stoppedAt ?? other.heartbeatAt })
    // A stopping instance holds no connections any more; it is neither alive nor gone yet.
    else if (!other.stoppedAt) livePeers++
  }
  return { gone, livePeers }
}
