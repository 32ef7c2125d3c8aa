import type { SessionUser } from '@/features/auth/session-user'
import { plans } from '@/features/catalogue/catalogue'
import type { SessionStatus } from '@/features/realtime/contract'
import { getSessionAccessOrThrow } from '@/features/sessions/get-session-access'
import { AppError } from '@/lib/errors'

/** A call's page may open while the other side is not there yet; media flows only once live. */
const joinableStatuses: readonly SessionStatus[] = ['accepted', 'waiting', 'live', 'reconnecting']
const signalingStatuses: readonly SessionStatus[] = ['live', 'reconnecting']

export type CallAccess = { role: 'customer' | 'mechanic'; status: SessionStatus }

/**
 * Whether `user` takes part in the session's call: its customer or its mechanic, in a video
 * session that has not ended. Admins watch the call's state but never join it; anyone else gets the
 * same not_found as for a session that does not exist.
 */
export async function getCallAccessOrThrow(
  sessionId: string,
  user: SessionUser,
): Promise<CallAccess> {
  const { session, role } = await getSessionAccessOrThrow(sessionId, user)
  if (role === 'admin') throw new AppError('forbidden', 'Admins watch the call without joining it')
  if (plans[session.plan].type !== 'video')
    throw new AppError('conflict', 'This session has no video call')
  if (!joinableStatuses.includes(session.status)) {
    throw new AppError('conflict', 'This session is not open', { status: session.status })
  }
  return { role, status: session.status }
}

/** Offers, answers and candidates pass only while both participants are (or were just) live. */
export function canSignal(status: SessionStatus): boolean {
  return signalingStatuses.includes(status)
}
