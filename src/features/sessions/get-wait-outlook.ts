import { and, count, desc, gte, inArray, isNotNull, sql } from 'drizzle-orm'
import { sessions } from '@/db/schema'
import { readRoomSockets } from '@/features/realtime/presence'
import { roomOf } from '@/features/realtime/rooms'
import { getContext } from '@/server/context'
import type { SessionStatus } from './statuses'

/** What a waiting customer is told about their wait, from what is happening now and lately. */
export type WaitOutlook = {
  /** Approved mechanics with the site open who are not in a session of their own. */
  mechanicsAvailable: number
  /** The median wait from payment to accept over `basedOn` recent requests; null without any. */
  typicalWaitSeconds: number | null
  basedOn: number
}

/** How far back "lately" reaches, and how many of the latest accepts it takes at most. */
const RECENT_DAYS = 30
const RECENT_ACCEPTS = 50

// A mechanic in one of these is with a customer and will not take a new request now.
const busyStatuses = [
  'accepted',
  'waiting',
  'live',
  'reconnecting',
] as const satisfies readonly SessionStatus[]

export async function getWaitOutlook(): Promise<WaitOutlook> {
  const db = getContext().database.db
  const { sockets } = await readRoomSockets(roomOf.mechanicsQueue)
  const online = [...new Set(sockets.flatMap((socket) => socket.data.user?.id ?? []))]
  const busy =
    online.length === 0
      ? []
      : await db
          .select({ id: sessions.mechanicId })
          .from(sessions)
          .where(and(inArray(sessions.mechanicId, online), inArray(sessions.status, busyStatuses)))

  const recent = db
    .select({
      waited: sql<number>`extract(epoch from ${sessions.acceptedAt} - ${sessions.requestedAt})`.as(
        'waited',
      ),
    })
    .from(sessions)
    .where(
      and(
        isNotNull(sessions.acceptedAt),
        gte(sessions.acceptedAt, sql`now() - make_interval(days => ${RECENT_DAYS})`),
      ),
    )
    .orderBy(desc(sessions.acceptedAt))
    .limit(RECENT_ACCEPTS)
    .as('recent')
  const [typical] = await db
    .select({
      median: sql<string | null>`percentile_cont(0.5) within group (order by ${recent.waited})`,
      basedOn: count(),
    })
    .from(recent)

  return {
    mechanicsAvailable: online.length - new Set(busy.map((row) => row.id)).size,
    typicalWaitSeconds: typical?.median == null ? null : Math.round(Number(typical.median)),
    basedOn: typical?.basedOn ?? 0,
  }
}
