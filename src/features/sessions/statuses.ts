import type { EndedStatus, SessionStatus as WireStatus } from '@/features/realtime/contract'

/**
 * Every state a session can be in; the DB CHECK is generated from this same list. Clients see
 * these values over the socket: `satisfies` (and `statuses.test.ts` the other way round) keeps
 * the realtime contract's list the same.
 */
export const sessionStatuses = [
  'pending',
  'accepted',
  'waiting',
  'live',
  'reconnecting',
  'completed',
  'cancelled',
  'expired',
] as const satisfies readonly WireStatus[]

export type SessionStatus = (typeof sessionStatuses)[number]

/**
 * States in which a session still occupies its customer (and mechanic, once accepted); the
 * one-active-session indexes use the same list.
 */
export const activeStatuses = [
  'pending',
  'accepted',
  'waiting',
  'live',
  'reconnecting',
] as const satisfies readonly SessionStatus[]

/** States in which both sides may write in the chat: from the room's waiting until the end. */
export const chatOpenStatuses = [
  'waiting',
  'live',
  'reconnecting',
] as const satisfies readonly SessionStatus[]

export function isChatOpen(status: SessionStatus): boolean {
  return (chatOpenStatuses as readonly SessionStatus[]).includes(status)
}
export const terminalStatuses = [
  'completed',
  'cancelled',
  'expired',
] as const satisfies readonly EndedStatus[]

export function isTerminal(status: SessionStatus): status is EndedStatus {
  return (terminalStatuses as readonly SessionStatus[]).includes(status)
}

/** The room is open (participants may enter, chat and see the clock). */
export function isRoomOpen(status: SessionStatus): boolean {
  return (
    status === 'accepted' || status === 'waiting' || status === 'live' || status === 'reconnecting'
  )
}
