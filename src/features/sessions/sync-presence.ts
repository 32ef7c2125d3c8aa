import { readPresence } from '@/features/realtime/presence'
import { applyPresence } from './apply-presence'

/**
 * Lets the session react to who is in its room on every server. Presence is read only once the
 * session row is locked, so a stale reading can never overwrite a newer one. `complete` is false
 * when a peer did not answer in time: then the session was not paused on that reading (see
 * `applyPresence`), and the caller should look again.
 */
export async function syncPresence(
  sessionId: string,
  actorId: string | null,
  options: { pausedSince?: Date } = {},
) {
  let complete = true
  const result = await applyPresence(
    sessionId,
    async (session) => {
      const reading = await readPresence(sessionId)
      complete = reading.complete
      return {
        customer: reading.userIds.has(session.customerId),
        mechanic: session.mechanicId ? reading.userIds.has(session.mechanicId) : false,
        complete: reading.complete,
      }
    },
    actorId,
    options,
  )
  return { result, complete }
}
