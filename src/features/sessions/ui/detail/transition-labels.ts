import type { SessionStatus } from '@/features/sessions/statuses'
import { sessionStatuses } from '@/features/sessions/statuses'
import { statusLabels } from '../dashboard/status-labels'
import { describeEndReason } from './end-reasons'

/** Why a session moved, in words; the reasons presence and the accept write (end reasons apart). */
const moveReasons: Record<string, string> = {
  paid: 'payment received',
  mechanic_accepted: 'a mechanic accepted',
  mechanic_absent: 'the mechanic is not in the room yet',
  customer_absent: 'the customer is not in the room yet',
  both_present: 'both are in the room',
  both_absent: 'both left the room',
}

function label(status: string | null): string {
  if (status === null) return 'New request'
  return sessionStatuses.includes(status as SessionStatus)
    ? statusLabels[status as SessionStatus]
    : status
}

/** "Mechanic assigned → Waiting in the room (the customer is not in the room yet)". */
export function describeTransition(from: string | null, to: string | null, reason: string | null) {
  const move = `${label(from)} → ${label(to ?? '?')}`
  if (!reason) return move
  return `${move} (${moveReasons[reason] ?? describeEndReason(reason).toLowerCase()})`
}
