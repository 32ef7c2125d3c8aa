import { asc, eq } from 'drizzle-orm'
import { events, users } from '@/db/schema'
import { getContext } from '@/server/context'

export type SessionEvent = {
  id: number
  type: string
  actorName: string | null
  data: Record<string, unknown>
  createdAt: string
}

/** The session's timeline: every transition, payment and refund, oldest first. */
export async function listSessionEvents(sessionId: string): Promise<SessionEvent[]> {
  const rows = await getContext()
    .database.db.select({
      id: events.id,
      type: events.type,
      actorName: users.name,
      data: events.data,
      createdAt: events.createdAt,
    })
    .from(events)
    .leftJoin(users, eq(users.id, events.actorId))
    .where(eq(events.subjectId, sessionId))
    .orderBy(asc(events.id))
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }))
}
