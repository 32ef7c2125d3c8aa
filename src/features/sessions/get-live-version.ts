import { count, eq, inArray, or, sql } from 'drizzle-orm'
import { events, sessions } from '@/db/schema'
import type { SessionUser } from '@/features/auth/session-user'
import type { LiveScope } from '@/features/realtime/contract'
import { AppError } from '@/lib/errors'
import { getContext } from '@/server/context'
import { getSessionAccessOrThrow } from './get-session-access'

/**
 * The version of a live page's data: how many events its sessions have. Every change to a session
 * writes an event row in the same transaction and events are never deleted, so the count grows
 * with every committed change. Unlike the highest event id, a count cannot miss a change that
 * took a lower id but committed later.
 *
 * A page reads its version before its data: a change that lands in between shows in the data and
 * only costs one extra refresh, never a missed one.
 */
export async function getLiveVersion(user: SessionUser, scope: LiveScope): Promise<number> {
  const { db } = getContext().database
  const eventCount = db.select({ value: count() }).from(events)
  switch (scope.kind) {
    case 'mine': {
      const own = db
        .select({ id: sql<string>`${sessions.id}::text` })
        .from(sessions)
        .where(or(eq(sessions.customerId, user.id), eq(sessions.mechanicId, user.id)))
      const [row] = await eventCount.where(inArray(events.subjectId, own))
      return row?.value ?? 0
    }
    case 'all': {
      if (user.role !== 'admin') throw new AppError('forbidden', 'Only admins see every session')
      const [row] = await eventCount
      return row?.value ?? 0
    }
    case 'session': {
      await getSessionAccessOrThrow(scope.sessionId, user)
      const [row] = await eventCount.where(eq(events.subjectId, scope.sessionId))
      return row?.value ?? 0
    }
  }
}
