/** Every state a session can be in; the DB CHECK is generated from this same list. */
export const sessionStatuses = [
  'pending',
  'accepted',
  'waiting',
  'live',
  'reconnecting',
  'completed',
  'cancelled',
  'expired',
] as const

export type SessionStatus = (typeof sessionStatuses)[number]

/** States in which a session still occupies its customer (and mechanic, once accepted). */
export const activeStatuses = ['pending', 'accepted', 'waiting', 'live', 'reconnecting'] as const
export const terminalStatuses = ['completed', 'cancelled', 'expired'] as const

export function isTerminal(status: SessionStatus): boolean {
  return (terminalStatuses as readonly SessionStatus[]).includes(status)
}

/** The room is open (participants may enter, chat and see the clock). */
export function isRoomOpen(status: SessionStatus): boolean {
  return (
    status === 'accepted' || status === 'waiting' || status === 'live' || status === 'reconnecting'
  )
}
