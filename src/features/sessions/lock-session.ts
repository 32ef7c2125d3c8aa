import { eq } from 'drizzle-orm'
import type { Transaction } from '@/db/client'
import { sessions } from '@/db/schema'
import { AppError } from '@/lib/errors'
import type { SessionStatus } from './statuses'

/**
 * Takes the session row's lock for the rest of the caller's transaction, for writers of the
 * session's own rows that must queue behind each other and behind status changes (chat numbers
 * its messages under it). `no key update` still lets other tables' foreign keys to the session
 * be checked meanwhile. Returns the status as it is under the lock.
 */
export async function lockSession(
  tx: Transaction,
  sessionId: string,
): Promise<{ status: SessionStatus }> {
  const [row] = await tx
    .select({ status: sessions.status })
    .from(sessions)
    .where(eq(sessions.id, sessionId))
    .for('no key update')
  if (!row) throw new AppError('not_found', 'Session not found')
  return row
}
