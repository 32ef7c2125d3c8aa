import { asc, eq } from 'drizzle-orm'
import { sessionExtensions } from '@/db/schema'
import { getContext } from '@/server/context'

export type SessionExtension = {
  id: string
  minutes: number
  amountCents: number
  createdAt: string
}

export async function listSessionExtensions(sessionId: string): Promise<SessionExtension[]> {
  const rows = await getContext()
    .database.db.select({
      id: sessionExtensions.id,
      minutes: sessionExtensions.minutes,
      amountCents: sessionExtensions.amountCents,
      createdAt: sessionExtensions.createdAt,
    })
    .from(sessionExtensions)
    .where(eq(sessionExtensions.sessionId, sessionId))
    .orderBy(asc(sessionExtensions.createdAt))
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }))
}
