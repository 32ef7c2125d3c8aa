import { and, eq, inArray, lte, notExists, sql } from 'drizzle-orm'
import { type MonitorCondition, sessionAlerts, sessions } from '@/db/schema'
import { plans } from '@/features/catalogue/catalogue'
import { roomPathFor } from '@/features/sessions/room-path'
import type { SessionStatus } from '@/features/sessions/statuses'
import { getContext } from '@/server/context'

/** How many stuck sessions one pass acts on per condition; the next pass takes the rest. */
export const MONITOR_BATCH = 200

export type StuckSession = {
  id: string
  customerId: string
  mechanicId: string | null
  plan: keyof typeof plans
  statusChangedAt: Date
  acceptedAt: Date | null
  startedAt: Date | null
}

/**
 * Sessions in one of `statuses` whose `column` is at or before `cutoff` and that have no alert of
 * this condition yet. The (status, column) index finds them; the anti-join keeps a pass over
 * thousands of long-stuck sessions from re-reading the ones it already handled.
 */
export function findStuckSessions(filter: StuckFilter): Promise<StuckSession[]> {
  return stuckSessionsQuery(filter)
}

export type StuckFilter = {
  statuses: readonly SessionStatus[]
  column: 'statusChangedAt' | 'acceptedAt' | 'startedAt'
  cutoff: Date
  condition: MonitorCondition
}

/** The query itself, for the bench to show its plan. */
export function stuckSessionsQuery({ statuses, column, cutoff, condition }: StuckFilter) {
  const { db } = getContext().database
  return db
    .select({
      id: sessions.id,
      customerId: sessions.customerId,
      mechanicId: sessions.mechanicId,
      plan: sessions.plan,
      statusChangedAt: sessions.statusChangedAt,
      acceptedAt: sessions.acceptedAt,
      startedAt: sessions.startedAt,
    })
    .from(sessions)
    .where(
      and(
        inArray(sessions.status, [...statuses]),
        lte(sessions[column], cutoff),
        notExists(
          db
            .select({ one: sql`1` })
            .from(sessionAlerts)
            .where(
              and(
                eq(sessionAlerts.condition, condition),
                eq(sessionAlerts.subjectId, sql`${sessions.id}::text`),
              ),
            ),
        ),
      ),
    )
    .orderBy(sessions[column])
    .limit(MONITOR_BATCH)
}

/** The absolute link to the session's room, for email. */
export function roomUrl(session: Pick<StuckSession, 'id' | 'plan'>): string {
  return new URL(
    roomPathFor(session.id, plans[session.plan].type),
    getContext().env.appUrl,
  ).toString()
}
