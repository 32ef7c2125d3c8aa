import type { SessionUser } from '@/features/auth/session-user'
import { getSessionAccessOrThrow } from '@/features/sessions/get-session-access'
import type { SessionStatus } from '@/features/sessions/statuses'
import type { SessionRow } from '@/features/sessions/transition-session'
import { AppError } from '@/lib/errors'

/** A session that went live and has ended: the only kind that gets a summary and a rating. */
export function needsSummary(session: {
  status: SessionStatus
  startedAt: Date | string | null
}): boolean {
  return session.status === 'completed' && session.startedAt !== null
}

/** The session, if the asker is its mechanic and it is ready for a summary. */
export async function getSessionForSummaryOrThrow(
  user: SessionUser,
  sessionId: string,
): Promise<SessionRow> {
  const { session, role } = await getSessionAccessOrThrow(sessionId, user)
  if (role !== 'mechanic') {
    throw new AppError('forbidden', 'Only the mechanic of this session writes its summary')
  }
  if (!needsSummary(session)) {
    throw new AppError('conflict', 'A summary is written once the session has ended', {
      status: session.status,
    })
  }
  return session
}

export const alreadySent = () => new AppError('conflict', 'This summary was already sent')
