import { and, eq } from 'drizzle-orm'
import { sessionMessages } from '@/db/schema'
import type { SessionUser } from '@/features/auth/session-user'
import { hitRateLimit } from '@/features/limits/hit-rate-limit'
import { chatMessageLimit } from '@/features/limits/rate-limits'
import type { ChatMessage, ChatSendInput } from '@/features/realtime/contract'
import { publishToSession } from '@/features/realtime/publish'
import { getSessionAccessOrThrow } from '@/features/sessions/get-session-access'
import { isChatOpen } from '@/features/sessions/statuses'
import { AppError } from '@/lib/errors'
import { getContext } from '@/server/context'

/**
 * Stores the message before anyone is told about it. A retry with the same client id returns the
 * stored message and broadcasts nothing new.
 */
export async function sendMessage(user: SessionUser, input: ChatSendInput): Promise<ChatMessage> {
  const { session, role } = await getSessionAccessOrThrow(input.sessionId, user)
  if (role === 'admin') throw new AppError('forbidden', 'Admins watch sessions read-only')
  if (!isChatOpen(session.status)) {
    throw new AppError('conflict', 'This session is not open for messages', {
      status: session.status,
    })
  }
  await hitRateLimit(chatMessageLimit, user.id)
  const { db } = getContext().database
  const [inserted] = await db
    .insert(sessionMessages)
    .values({
      sessionId: session.id,
      senderId: user.id,
      clientId: input.clientId,
      body: input.body,
    })
    .onConflictDoNothing()
    .returning()
  const row =
    inserted ??
    (
      await db
        .select()
        .from(sessionMessages)
        .where(
          and(
            eq(sessionMessages.sessionId, session.id),
            eq(sessionMessages.senderId, user.id),
            eq(sessionMessages.clientId, input.clientId),
          ),
        )
    )[0]
  if (!row) throw new Error('message neither inserted nor found')
  const message: ChatMessage = {
    id: row.id,
    sessionId: row.sessionId,
    senderId: row.senderId,
    senderName: user.name,
    clientId: row.clientId,
    body: row.body,
    createdAt: row.createdAt.toISOString(),
  }
  if (inserted) publishToSession(session.id, 'chat:message', message)
  return message
}
