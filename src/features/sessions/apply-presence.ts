import { eq } from 'drizzle-orm'
import { sessions } from '@/db/schema'
import type { SessionState } from '@/features/realtime/contract'
import { AppError } from '@/lib/errors'
import { getContext } from '@/server/context'
import { notifySessionChanged } from './notify-session-changed'
import { goLivePatch } from './session-clock'
import type { SessionStatus } from './statuses'
import { type SessionRow, transitionSession } from './transition-session'

/**
 * Who is connected. `complete: false` when a server did not answer: someone missing may be there,
 * so the reading can start or resume a clock but never pause one.
 */
export type Presence = { customer: boolean; mechanic: boolean; complete?: boolean }
type PresenceReader = (session: Pick<SessionRow, 'customerId' | 'mechanicId'>) => Promise<Presence>

/**
 * Moves the session to the state its participants' presence calls for:
 * the room opens (accepted → waiting), the clock starts or resumes when both are in
 * (waiting/reconnecting → live), and pauses when one drops (live → reconnecting).
 * Several servers may call this at once; whoever loses the row lock finds nothing left to do.
 * Pass a reader to have presence read while the row is locked (what the socket join does).
 * `pausedSince` backdates a pause to when the connections were last known alive (a crashed
 * process's last heartbeat), so that time is credited back on resume.
 * Returns the new status and the snapshot the room was sent, or null when nothing changed.
 */
export async function applyPresence(
  sessionId: string,
  presenceOrReader: Presence | PresenceReader,
  actorId: string | null,
  { pausedSince }: { pausedSince?: Date } = {},
): Promise<{ status: SessionStatus; state: SessionState | null } | null> {
  const now = new Date()
  const changed = await getContext().database.db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ customerId: sessions.customerId, mechanicId: sessions.mechanicId })
      .from(sessions)
      .where(eq(sessions.id, sessionId))
      .for('update')
    if (!locked) return null
    const presence =
      typeof presenceOrReader === 'function' ? await presenceOrReader(locked) : presenceOrReader
    const decide = (current: SessionRow): SessionStatus => {
      const both = presence.customer && presence.mechanic
      const anyone = presence.customer || presence.mechanic
      switch (current.status) {
        case 'accepted':
          return anyone ? 'waiting' : current.status
        case 'waiting':
        case 'reconnecting':
          return both ? 'live' : current.status
        case 'live':
          return both || presence.complete === false ? current.status : 'reconnecting'
        case 'pending':
        case 'completed':
        case 'cancelled':
        case 'expired':
          return current.status
      }
    }
    let last: SessionStatus | null = null
    // accepted → waiting → live can both happen on one presence change.
    for (let step = 0; step < 2; step++) {
      try {
        const { from, session } = await transitionSession(tx, {
          sessionId,
          actorId,
          to: (current) => {
            const next = decide(current)
            if (next === current.status) throw new NoChange()
            return next
          },
          reason: reasonFor(presence),
          patch: (current) => {
            const next = decide(current)
            if (next === 'live') return goLivePatch(current, now)
            if (next === 'reconnecting') return { pausedAt: pauseStart(current, now, pausedSince) }
            return {}
          },
        })
        last = session.status
        if (from === session.status) break
      } catch (error) {
        if (error instanceof NoChange) break
        if (error instanceof AppError && error.code === 'conflict') break
        throw error
      }
    }
    return last
  })
  if (!changed) return null
  return { status: changed, state: await notifySessionChanged(sessionId) }
}

class NoChange extends Error {}

/**
 * Never later than now, and never before the session last went live: time before that was
 * already paused (and credited) or not yet on the clock.
 */
function pauseStart(session: SessionRow, now: Date, since: Date | undefined): Date {
  const floor = session.statusChangedAt < now ? session.statusChangedAt : now
  if (!since || since >= now) return now
  return since < floor ? floor : since
}

function reasonFor(presence: Presence): string {
  if (presence.customer && presence.mechanic) return 'both_present'
  if (!presence.customer && !presence.mechanic) return 'both_absent'
  return presence.customer ? 'mechanic_absent' : 'customer_absent'
}
