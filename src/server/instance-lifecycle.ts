import { beatHeartbeat } from '@/features/instances/beat-heartbeat'
import { findGoneInstances } from '@/features/instances/find-gone-instances'
import { forgetInstances } from '@/features/instances/forget-instances'
import { HEARTBEAT_INTERVAL_MS, STALE_AFTER_MS } from '@/features/instances/instance-timing'
import { markInstanceStopped } from '@/features/instances/mark-instance-stopped'
import { registerInstance } from '@/features/instances/register-instance'
import { knownPeerCount } from '@/features/realtime/presence'
import { recomputeSessionsPresence } from '@/features/sessions/recompute-sessions-presence'
import { logger } from '@/lib/logger'

export type InstanceLifecycle = {
  id: string
  /** Before listening: deals with what dead instances left behind, waiting for stale ones. */
  recoverAtStart: () => Promise<void>
  /** One heartbeat (loop `instance heartbeat`). */
  beat: () => Promise<void>
  /** One look for instances that died (loop `lost instances`). */
  recover: () => Promise<void>
  /** After a graceful shutdown has closed this instance's connections. */
  markStopped: () => Promise<void>
}

/**
 * This process in the instances table, and what it does about others that are gone. Sockets of a
 * process that died never fire `disconnect`, so nobody would pause the clocks of the sessions it
 * served: whichever instance notices (the next one to start, or a peer on its heartbeat) looks at
 * presence again for every session and pauses those whose participants are not connected,
 * backdated to the dead process's last heartbeat. See docs/adr/0028.
 */
export async function startInstanceLifecycle({
  graceMs,
  everyOtherIsGone,
}: {
  /** PRESENCE_GRACE_SECONDS: how long clients of a gracefully stopped instance get to return. */
  graceMs: number
  /** True on the embedded database: one process at a time opens it, so other rows are dead. */
  everyOtherIsGone: boolean
}): Promise<InstanceLifecycle> {
  const id = await registerInstance()
  // Set when a peer took this instance for dead: it paused our participants' clocks.
  let revivedAt: Date | null = null

  /**
   * Returns false while the answer could not be trusted yet (try again later). With
   * `untilEveryPeerIsKnown` (the start), also until every instance that looks alive has been
   * heard from or has gone stale: a predecessor that crashed seconds ago still looks alive.
   */
  const recoverOnce = async ({ untilEveryPeerIsKnown = false } = {}): Promise<boolean> => {
    const { gone, livePeers } = await findGoneInstances({ selfId: id, graceMs, everyOtherIsGone })
    if (!untilEveryPeerIsKnown && gone.length === 0 && !revivedAt) return true
    // Presence is asked of every live peer through the realtime adapter; until it has heard
    // from all of them (just after a start), a participant there would look absent.
    if ((await knownPeerCount()) < livePeers) return false
    if (revivedAt) {
      const since = revivedAt
      const { complete } = await recomputeSessionsPresence({ since })
      if (!complete) return false
      logger().warn({ since }, 'this instance was taken for dead: presence recomputed')
      if (revivedAt === since) revivedAt = null
    }
    if (gone.length === 0) return true
    const since = new Date(Math.min(...gone.map((instance) => instance.lastSeenAt.getTime())))
    const { complete, paused } = await recomputeSessionsPresence({ since })
    if (!complete) return false
    await forgetInstances(gone)
    logger().warn(
      { instances: gone.map((instance) => instance.id), since, paused },
      'connections of gone instances counted as dropped',
    )
    return true
  }

  return {
    id,
    recoverAtStart: async () => {
      // A process that crashed a moment ago still looks alive for up to STALE_AFTER_MS; clients
      // coming back before it is found dead would resume a clock that never paused.
      const deadline = Date.now() + STALE_AFTER_MS + HEARTBEAT_INTERVAL_MS
      let lastBeat = Date.now()
      while (!(await recoverOnce({ untilEveryPeerIsKnown: true }))) {
        if (Date.now() > deadline) {
          logger().warn('presence not recomputed at start; the heartbeat loop will retry')
          return
        }
        await new Promise((resolve) => setTimeout(resolve, 250))
        // The loops do not run yet; the others must not take this instance for dead meanwhile.
        if (Date.now() - lastBeat >= HEARTBEAT_INTERVAL_MS) {
          await beatHeartbeat(id)
          lastBeat = Date.now()
        }
      }
    },
    beat: async () => {
      const { revived } = await beatHeartbeat(id)
      if (revived) revivedAt = new Date()
    },
    recover: async () => {
      if (!(await recoverOnce())) logger().warn('presence recompute deferred: a peer is silent')
    },
    markStopped: async () => {
      try {
        await markInstanceStopped(id)
      } catch (error) {
        // The others still find it once its heartbeat is stale.
        logger().warn({ err: error }, 'could not mark this instance stopped')
      }
    },
  }
}
