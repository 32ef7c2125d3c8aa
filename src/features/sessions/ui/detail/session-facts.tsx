import type { ReactNode } from 'react'
import { deliveryLabel, formatPrice } from '@/features/catalogue/catalogue'
import type { SessionDetail } from '@/features/sessions/get-session-detail'
import { formatDuration } from '../dashboard/format'
import { LocalTime } from '../dashboard/local-time'
import { StatusBadge } from '../dashboard/status-badge'
import { describeEndReason } from './end-reasons'
import { LiveDuration } from './live-duration'

/** Everything known about one session, as a definition list. */
export function SessionFacts({ detail }: { detail: SessionDetail }) {
  const when = (iso: string | null) => (iso ? <LocalTime iso={iso} /> : '—')
  const rows: [string, ReactNode][] = [
    [
      'Plan',
      `${detail.planLabel} · ${deliveryLabel(detail.type)} · ${formatDuration(detail.durationSeconds)} paid`,
    ],
    [
      'Status',
      <span key="status" className="flex flex-wrap items-center gap-2">
        <StatusBadge status={detail.status} />
        {detail.endReason && (
          <span className="text-slate-600">{describeEndReason(detail.endReason)}</span>
        )}
      </span>,
    ],
    ['Vehicle', detail.vehicle],
    [
      'Concern',
      <span key="concern" className="whitespace-pre-wrap [overflow-wrap:anywhere]">
        {detail.concern}
      </span>,
    ],
    ['Customer', detail.customerName],
    ['Mechanic', detail.mechanicName ?? 'Not assigned yet'],
    ['Requested', when(detail.requestedAt)],
    ['Accepted', when(detail.acceptedAt)],
    ['Started', when(detail.startedAt)],
    ['Ended', when(detail.endedAt)],
    [
      'Duration',
      detail.liveSeconds !== null ? (
        formatDuration(detail.liveSeconds)
      ) : detail.startedAt && !detail.endedAt ? (
        <LiveDuration key="duration" startedAt={detail.startedAt} />
      ) : (
        'Never went live'
      ),
    ],
    ['Paid', formatPrice(detail.paidCents)],
    ['Refunded', detail.refundedCents > 0 ? formatPrice(detail.refundedCents) : '—'],
  ]
  return (
    <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[9rem_1fr]">
      {rows.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="text-sm font-medium text-slate-500 sm:pt-0.5">{term}</dt>
          <dd className="-mt-2 text-slate-900 sm:mt-0" data-testid={`fact-${term.toLowerCase()}`}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  )
}
