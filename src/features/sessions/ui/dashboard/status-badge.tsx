import type { SessionStatus } from '@/features/sessions/statuses'
import { statusLabels, statusTones } from './status-labels'

/** `friendly` for customers and mechanics; `state` shows the state machine's own word (admins). */
export function StatusBadge({
  status,
  wording = 'friendly',
}: {
  status: SessionStatus
  wording?: 'friendly' | 'state'
}) {
  return (
    <span
      className={`inline-flex items-center whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-semibold ${statusTones[status]}`}
      data-status={status}
    >
      {wording === 'state'
        ? status.charAt(0).toUpperCase() + status.slice(1)
        : statusLabels[status]}
    </span>
  )
}
