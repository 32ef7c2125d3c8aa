import { and, asc, eq, gt } from 'drizzle-orm'
import { sessionMessages, users } from '@/db/schema'
import type { ChatMessage } from '@/features/realtime/contract'
import { getContext } from '@/server/context'

/** The transcript in order, or only what came after `afterSeq` (a reconnecting client's gap). */
export async function listMessages(
  sessionId: string,
  afterSeq = 0,
  limit = 1000,
): Promise<ChatMessage[]> {
  const rows = await getContext()
    .database.db.select({
      id: sessionMessages.id,
      seq: sessionMessages.seq,
      sessionId: sessionMessages.sessionId,
      senderId: sessionMessages.senderId,
      senderName: users.name,
      clientId: sessionMessages.clientId,
      body: sessionMessages.body,
      createdAt: sessionMessages.createdAt,
    })
    .from(sessionMessages)
    .innerJoin(users, eq(users.id, sessionMessages.senderId))
    .where(and(eq(sessionMessages.sessionId, sessionId), gt(sessionMessages.seq, afterSeq)))
    .orderBy(asc(sessionMessages.seq))
    .limit(limit)
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }))
}
