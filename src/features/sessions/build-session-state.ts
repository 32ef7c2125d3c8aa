import { eq, max } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { sessionMessages, sessions, users } from '@/db/schema'
import { plans } from '@/features/catalogue/catalogue'
import type { SessionState } from '@/features/realtime/contract'
import { readPresence } from '@/features/realtime/presence'
import { getContext } from '@/server/context'
import { remainingMs } from './session-clock'
import { isTerminal } from './statuses'

const mechanicUsers = alias(users, 'mechanic_users')

/** The full snapshot a room gets on every join and after every change (`session:state`). */
export async function buildSessionState(sessionId: string): Promise<SessionState | null> {
  const { db } = getContext().database
  const [row] = await db
    .select({
      session: sessions,
      customerName: users.name,
      mechanicName: mechanicUsers.name,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.customerId))
    .leftJoin(mechanicUsers, eq(mechanicUsers.id, sessions.mechanicId))
    .where(eq(sessions.id, sessionId))
  if (!row) return null
  const [last] = await db
    .select({ seq: max(sessionMessages.seq) })
    .from(sessionMessages)
    .where(eq(sessionMessages.sessionId, sessionId))
  // Presence here is only shown; a server that did not answer must not fail the snapshot.
  const present = (await readPresence(sessionId)).userIds
  const { session } = row
  const now = new Date()
  return {
    sessionId: session.id,
    status: session.status,
    plan: session.plan,
    type: plans[session.plan].type,
    customer: {
      id: session.customerId,
      name: row.customerName,
      present: present.has(session.customerId),
    },
    mechanic: session.mechanicId
      ? {
          id: session.mechanicId,
          name: row.mechanicName ?? 'Mechanic',
          present: present.has(session.mechanicId),
        }
      : null,
    durationSeconds: session.durationSeconds,
    startedAt: session.startedAt?.toISOString() ?? null,
    expiresAt: session.expiresAt?.toISOString() ?? null,
    pausedAt: session.pausedAt?.toISOString() ?? null,
    endedAt: session.endedAt?.toISOString() ?? null,
    endReason: session.endReason,
    remainingMs: isTerminal(session.status) ? 0 : remainingMs(session, now),
    serverNow: now.toISOString(),
    lastMessageSeq: last?.seq ?? 0,
  }
}
