import { formatPrice } from '@/features/catalogue/catalogue'
import type { SessionEvent } from '@/features/sessions/list-session-events'
import { formatDuration } from '../dashboard/format'
import { LocalTime } from '../dashboard/local-time'
import { describeTransition } from './transition-labels'

/** The session's audit trail for support: every transition, payment and refund, oldest first. */
export function EventTimeline({ events }: { events: readonly SessionEvent[] }) {
  if (events.length === 0) return <p className="text-slate-600">No events recorded.</p>
  return (
    <ol className="space-y-3 border-l-2 border-slate-200 pl-4">
      {events.map((event, index) => (
        <li key={event.id} className="relative" data-testid="session-event">
          <span
            aria-hidden
            className="absolute top-1.5 -left-[1.3rem] size-2.5 rounded-full bg-slate-400"
          />
          <p className="font-medium text-slate-900">{describeEvent(event)}</p>
          <p className="text-sm text-slate-600">
            <LocalTime iso={event.createdAt} seconds />
            {index > 0 && (
              <span data-testid="event-gap">
                {' · '}
                {gapSince(events[index - 1]?.createdAt, event.createdAt)}
              </span>
            )}
            {' · '}
            {event.actorName ?? 'System'}
          </p>
        </li>
      ))}
    </ol>
  )
}

const monitorActions: Record<string, string> = {
  'monitor.start_nudge': 'mechanic nudged to start',
  'monitor.waiting_stuck': 'admins alerted, absent participant reminded',
  'monitor.not_started_released': 'released, never started',
  'monitor.max_duration': 'ended at the maximum length',
  'monitor.checkout_unconfirmed': 'paid checkout without a webhook flagged',
  'monitor.alert_acknowledged': 'alert acknowledged',
}

/** "+12 s", "+4 min" after the event before: six events in one minute no longer read the same. */
function gapSince(previous: string | undefined, current: string): string {
  if (!previous) return ''
  const seconds = Math.max(0, Math.round((Date.parse(current) - Date.parse(previous)) / 1000))
  return `+${formatDuration(seconds)}`
}

function describeEvent(event: SessionEvent): string {
  const { data } = event
  const text = (key: string) => (typeof data[key] === 'string' ? (data[key] as string) : null)
  if (event.type === 'session.transition') {
    return describeTransition(text('from'), text('to'), text('reason'))
  }
  const amount = typeof data.amountCents === 'number' ? ` (${formatPrice(data.amountCents)})` : ''
  if (event.type === 'session.extended' && typeof data.minutes === 'number') {
    return `Extended by ${data.minutes} min${amount}`
  }
  if (event.type === 'extension.refunded' && typeof data.minutes === 'number') {
    return `Extension of ${data.minutes} min paid after the end — refunded${amount}`
  }
  if (event.type === 'payment.refunded') return `Payment refunded${amount}`
  if (event.type === 'payment.rejected')
    return `Payment event rejected: ${text('reason') ?? 'mismatch'}`
  const monitorAction = monitorActions[event.type]
  if (monitorAction) {
    const age =
      typeof data.ageSeconds === 'number' ? ` after ${formatDuration(data.ageSeconds)}` : ''
    return `Monitor: ${monitorAction}${age}`
  }
  return event.type.replaceAll('.', ' ').replaceAll('_', ' ')
}
