import { eq } from 'drizzle-orm'
import { sessions } from '@/db/schema'
import type { SessionUser } from '@/features/auth/session-user'
import { AppError } from '@/lib/errors'
import { isUuid } from '@/lib/ids'
import { getContext } from '@/server/context'
import type { SessionRow } from './transition-session'

export type SessionRole = 'customer' | 'mechanic' | 'admin'

/**
 * Who the asker is to this session. Anyone else gets the same 404 as for a session that does not
 * exist, so they learn nothing about it.
 */
export async function getSessionAccessOrThrow(
  sessionId: string,
  user: SessionUser,
): Promise<{ session: SessionRow; role: SessionRole }> {
  const [session] = isUuid(sessionId)
    ? await getContext().database.db.select().from(sessions).where(eq(sessions.id, sessionId))
    : []
  const role = session ? roleIn(session, user) : null
  if (!session || !role) throw new AppError('not_found', 'Session not found')
  return { session, role }
}

export function roleIn(
  session: Pick<SessionRow, 'customerId' | 'mechanicId'>,
  user: SessionUser,
): SessionRole | null {
  if (session.customerId === user.id) return 'customer'
  if (session.mechanicId === user.id) return 'mechanic'
  if (user.role === 'admin') return 'admin'
  return null
}
