import { AppError } from '@/lib/errors'
import type { SessionStatus } from './statuses'

/**
 * The one table of legal moves. Every status write in the codebase goes through
 * `transitionSession`, which checks it here.
 */
export const transitions: Record<SessionStatus, readonly SessionStatus[]> = {
  // Paid, waiting for a mechanic.
  pending: ['accepted', 'expired', 'cancelled'],
  // A mechanic took it; nobody has opened the room yet.
  accepted: ['waiting', 'cancelled'],
  // Someone is in the room.
  waiting: ['live', 'cancelled'],
  // Both present, clock running.
  live: ['reconnecting', 'completed', 'cancelled'],
  // A participant dropped; clock paused.
  reconnecting: ['live', 'completed', 'cancelled'],
  completed: [],
  cancelled: [],
  expired: [],
}

export function canTransition(from: SessionStatus, to: SessionStatus): boolean {
  return transitions[from].includes(to)
}

export function assertTransition(from: SessionStatus, to: SessionStatus): void {
  if (!canTransition(from, to)) {
    throw new AppError('conflict', `A ${from} session cannot become ${to}`, { status: from })
  }
}
