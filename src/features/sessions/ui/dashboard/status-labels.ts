import type { SessionStatus } from '@/features/sessions/statuses'

/** How each status reads to people; a Record so a new status cannot be forgotten here. */
export const statusLabels: Record<SessionStatus, string> = {
  pending: 'Finding a mechanic',
  accepted: 'Mechanic assigned',
  waiting: 'Room open',
  live: 'Live',
  reconnecting: 'Reconnecting',
  completed: 'Completed',
  cancelled: 'Cancelled',
  expired: 'No mechanic available',
}

export const statusTones: Record<SessionStatus, string> = {
  pending: 'bg-amber-100 text-amber-900',
  accepted: 'bg-blue-100 text-blue-900',
  waiting: 'bg-blue-100 text-blue-900',
  live: 'bg-green-100 text-green-900',
  reconnecting: 'bg-orange-100 text-orange-900',
  completed: 'bg-slate-200 text-slate-800',
  cancelled: 'bg-slate-100 text-slate-700',
  expired: 'bg-red-100 text-red-900',
}
