import { and, gt, inArray, ne, or } from 'drizzle-orm'
import { sessions } from '@/db/schema'
import { logger } from '@/lib/logger'
import { getContext } from '@/server/context'
import type { SessionStatus } from './statuses'
import { syncPresence } from './sync-presence'

const presenceStatuses = ['waiting', 'live', 'reconnecting'] as const satisfies SessionStatus[]

/**
 * Looks at presence again for every session whose status depends on it, after connections were
 * lost without a disconnect anyone could hear (a process that crashed, or no process at all).
 * A live session whose participants are not connected now pauses as after a network drop, its
 * clock stopped from `since` (the last moment the lost connections may have been alive), so the
 * customer gets that time back when both return; sessions with both present go (back) live.
 * A live session whose time had run out before `since` is left to the sweep: that time was used.
 * Stops at the first reading a peer left unanswered and reports `complete: false`, so the caller
 * tries again rather than pausing clocks on a guess.
 */
export async function recomputeSessionsPresence({
  since,
}: {
  since: Date
}): Promise<{ complete: boolean; paused: number }> {
  const candidates = await getContext()
    .database.db.select({ id: sessions.id })
    .from(sessions)
    .where(
      and(
        inArray(sessions.status, presenceStatuses),
        or(ne(sessions.status, 'live'), gt(sessions.expiresAt, since)),
      ),
    )
  let paused = 0
  for (const { id } of candidates) {
    try {
      const { result, complete } = await syncPresence(id, null, { pausedSince: since })
      if (result?.status === 'reconnecting') paused++
      if (!complete) return { complete: false, paused }
    } catch (error) {
      logger().error({ err: error, sessionId: id }, 'presence recompute failed')
      return { complete: false, paused }
    }
  }
  return { complete: true, paused }
}
