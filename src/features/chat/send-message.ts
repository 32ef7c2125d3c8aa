import { and, eq, sql } from 'drizzle-orm'
import type { Transaction } from '@/db/client'
import { sessionMessages } from '@/db/schema'
import type { SessionUser } from '@/features/auth/session-user'
import { hitRateLimit } from '@/features/limits/hit-rate-limit'
import { chatMessageLimit } from '@/features/limits/rate-limits'
import type { ChatMessage, ChatSendInput } from '@/features/realtime/contract'
import { publishToSession } from '@/features/realtime/publish'
import { getSessionAccessOrThrow } from '@/features/sessions/get-session-access'
import { lockSession } from '@/features/sessions/lock-session'
import { isChatOpen } from '@/features/sessions/statuses'
import { AppError } from '@/lib/errors'
import { getContext } from '@/server/context'

/**
 * Stores the message before anyone is told about it. A retry with the same client id returns the
 * stored message and broadcasts nothing new.
 *
 * The message takes the session's next `seq` under the session row's lock, so one session's
 * messages commit in `seq` order: once a client has seen 1..n, nothing numbered n or lower can
 * still appear, and a rejoin that asks for `seq > n` is complete.
 */
export async function sendMessage(user: SessionUser, input: ChatSendInput): Promise<ChatMessage> {
  const { session, role } = await getSessionAccessOrThrow(input.sessionId, user)
  if (role === 'admin') throw new AppError('forbidden', 'Admins watch sessions read-only')
  assertChatOpen(session.status)
  await hitRateLimit(chatMessageLimit, user.id)
  const { row, inserted } = await getContext().database.db.transaction(async (tx) => {
    assertChatOpen((await lockSession(tx, session.id)).status)
    const stored = await findSent(tx, session.id, user.id, input.clientId)
    if (stored) return { row: stored, inserted: false }
    const [row] = await tx
      .insert(sessionMessages)
      .values({
        sessionId: session.id,
        senderId: user.id,
        clientId: input.clientId,
        body: input.body,
        seq: sql`(select coalesce(max(${sessionMessages.seq}), 0) + 1 from ${sessionMessages} where ${sessionMessages.sessionId} = ${session.id})`,
      })
      .returning()
    if (!row) throw new Error('message insert returned nothing')
    return { row, inserted: true }
  })
  const message: ChatMessage = {
    id: row.id,
    seq: row.seq,
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

function assertChatOpen(status: Parameters<typeof isChatOpen>[0]): void {
  if (!isChatOpen(status)) {
    throw new AppError('conflict', 'This session is not open for messages', { status })
  }
}

async function findSent(tx: Transaction, sessionId: string, senderId: string, clientId: string) {
  const [row] = await tx
    .select()
    .from(sessionMessages)
    .where(
      and(
        eq(sessionMessages.sessionId, sessionId),
        eq(sessionMessages.senderId, senderId),
        eq(sessionMessages.clientId, clientId),
      ),
    )
  return row
}
