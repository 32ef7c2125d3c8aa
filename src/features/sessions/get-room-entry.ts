import type { SessionUser } from '@/features/auth/session-user'
import type { EndedStatus } from '@/features/realtime/contract'
import { AppError } from '@/lib/errors'
import { getSessionAccessOrThrow, type SessionRole } from './get-session-access'
import { isTerminal } from './statuses'
import type { SessionRow } from './transition-session'

export type RoomEntry =
  | { outcome: 'enter'; session: SessionRow; role: SessionRole }
  /** Completed, cancelled or expired: a room can never be entered again. */
  | { outcome: 'ended'; status: EndedStatus }
  /** Paid but no mechanic yet: there is no room to enter. */
  | { outcome: 'not-started'; role: SessionRole }

/**
 * Whether `user` may enter the session's room: the one rule behind the room page and the
 * socket's `session:join`. Non-participants get the same not_found as for a session that does
 * not exist; admins may enter any open room to watch.
 */
export async function getRoomEntry(sessionId: string, user: SessionUser): Promise<RoomEntry> {
  const { session, role } = await getSessionAccessOrThrow(sessionId, user)
  if (isTerminal(session.status)) return { outcome: 'ended', status: session.status }
  if (session.status === 'pending') return { outcome: 'not-started', role }
  return { outcome: 'enter', session, role }
}

/** The same rule for a socket: the session and the role, or the refusal as a 409 with the status. */
export async function enterRoomOrThrow(
  sessionId: string,
  user: SessionUser,
): Promise<{ session: SessionRow; role: SessionRole }> {
  const entry = await getRoomEntry(sessionId, user)
  switch (entry.outcome) {
    case 'enter':
      return entry
    case 'ended':
      throw new AppError('conflict', 'This session has ended', { status: entry.status })
    case 'not-started':
      throw new AppError('conflict', 'No mechanic has accepted this request yet', {
        status: 'pending',
      })
  }
}
