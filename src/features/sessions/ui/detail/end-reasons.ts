import type { EndReason } from '@/features/sessions/end-session'

const endReasons: Record<EndReason, string> = {
  ended_by_customer: 'Ended by the customer',
  ended_by_mechanic: 'Ended by the mechanic',
  ended_by_admin: 'Ended by support',
  time_up: 'The paid time ran out',
  participant_lost: 'A participant did not come back in time',
  request_expired: 'No mechanic accepted in time',
  max_duration: 'Ran past the maximum session length',
  not_started: 'The session was not started in time',
}

/** Why a session ended, in words; an unknown reason is shown as stored. */
export function describeEndReason(reason: string): string {
  return endReasons[reason as EndReason] ?? reason.replaceAll('_', ' ')
}
