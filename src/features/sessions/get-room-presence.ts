import { eq } from 'drizzle-orm'
import { sessions } from '@/db/schema'
import { readPresence } from '@/features/realtime/presence'
import { getContext } from '@/server/context'
import type { RoomPresence } from './active-session-view'

/**
 * Which of the session's two participants has its room open right now, from the viewer's side,
 * so a dashboard says who is actually there instead of guessing from the status. Admins
 * watching do not count.
 */
export async function getRoomPresence(sessionId: string, viewerId: string): Promise<RoomPresence> {
  const [session] = await getContext()
    .database.db.select({ customerId: sessions.customerId, mechanicId: sessions.mechanicId })
    .from(sessions)
    .where(eq(sessions.id, sessionId))
  if (!session) return { viewer: false, other: false }
  const otherId = session.customerId === viewerId ? session.mechanicId : session.customerId
  const { userIds } = await readPresence(sessionId)
  return { viewer: userIds.has(viewerId), other: otherId !== null && userIds.has(otherId) }
}
