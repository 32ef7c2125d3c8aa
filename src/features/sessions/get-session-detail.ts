import { eq } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { users } from '@/db/schema'
import type { SessionUser } from '@/features/auth/session-user'
import { plans } from '@/features/catalogue/catalogue'
import { roomPathFor } from '@/features/sessions/room-path'
import { getContext } from '@/server/context'
import { getSessionAccessOrThrow, type SessionRole } from './get-session-access'
import { paymentsBySession, type SessionSummary, toSessionSummary } from './list-sessions'

/** One session as its read-only page shows it; never the raw row. */
export type SessionDetail = SessionSummary & {
  /** Paid time, extensions included. */
  durationSeconds: number
  acceptedAt: string | null
  roomPath: string
}

const mechanicUsers = alias(users, 'mechanic_users')

/** The session for a participant or an admin; anyone else gets not_found. */
export async function getSessionDetailOrThrow(
  sessionId: string,
  user: SessionUser,
): Promise<{ detail: SessionDetail; role: SessionRole }> {
  const { session, role } = await getSessionAccessOrThrow(sessionId, user)
  const [[names], money] = await Promise.all([
    getContext()
      .database.db.select({ customerName: users.name, mechanicName: mechanicUsers.name })
      .from(users)
      .leftJoin(mechanicUsers, eq(mechanicUsers.id, session.mechanicId ?? ''))
      .where(eq(users.id, session.customerId)),
    paymentsBySession([session.id]),
  ])
  return {
    role,
    detail: {
      ...toSessionSummary(
        session,
        {
          customerName: names?.customerName ?? 'Customer',
          mechanicName: names?.mechanicName ?? null,
        },
        money.get(session.id),
      ),
      durationSeconds: session.durationSeconds,
      acceptedAt: session.acceptedAt?.toISOString() ?? null,
      roomPath: roomPathFor(session.id, plans[session.plan].type),
    },
  }
}
