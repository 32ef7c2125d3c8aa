import type { Participant, SessionState } from '@/features/realtime/contract'

export type RoomStatusTone = 'muted' | 'live' | 'warning' | 'ended' | 'error'
export type RoomStatus = { text: string; tone: RoomStatusTone }

/** The people in the session other than the viewer (both of them for an admin watching). */
export function otherParticipants(state: SessionState, viewerId: string): Participant[] {
  return [state.customer, state.mechanic].filter(
    (person): person is Participant => person !== null && person.id !== viewerId,
  )
}

export function joinNames(people: readonly { name: string }[]): string {
  return people.map((person) => person.name).join(' and ')
}

/** The one line under the room's header saying what is going on. */
export function describeRoom(
  state: SessionState | null,
  viewerId: string,
  isPresent: (person: Participant) => boolean,
): RoomStatus {
  if (!state) return { text: 'Connecting…', tone: 'muted' }
  switch (state.status) {
    case 'pending':
      return { text: 'Waiting for a mechanic to accept…', tone: 'muted' }
    case 'accepted':
    case 'waiting': {
      const missing = otherParticipants(state, viewerId).filter((person) => !isPresent(person))
      return missing.length > 0
        ? { text: `Waiting for ${joinNames(missing)} to join…`, tone: 'muted' }
        : { text: 'Starting…', tone: 'muted' }
    }
    case 'live':
      return { text: 'Live', tone: 'live' }
    case 'reconnecting': {
      const everyone = [state.customer, state.mechanic].filter(
        (person): person is Participant => person !== null,
      )
      const lost = everyone.filter((person) => !isPresent(person) && person.id !== viewerId)
      if (lost.length > 0) {
        return { text: `${joinNames(lost)} lost connection — clock paused`, tone: 'warning' }
      }
      return { text: 'Reconnecting — clock paused', tone: 'warning' }
    }
    case 'completed':
    case 'cancelled':
    case 'expired':
      return { text: 'This session has ended', tone: 'ended' }
  }
}
