import Link from 'next/link'
import type { ReactNode } from 'react'
import { formatPrice } from '@/features/catalogue/catalogue'
import type { SessionSummary } from '@/features/sessions/list-sessions'
import { ElapsedSince } from './elapsed-since'
import { formatDuration } from './format'
import { LocalTime } from './local-time'
import { StatusBadge } from './status-badge'

export type SessionColumn =
  | 'session'
  | 'status'
  | 'requested'
  | 'duration'
  | 'customer'
  | 'mechanic'
  | 'vehicle'
  | 'payment'
  | 'waited'

const headers: Record<SessionColumn, string> = {
  session: 'Plan',
  status: 'Status',
  requested: 'Date',
  duration: 'Duration',
  customer: 'Customer',
  mechanic: 'Mechanic',
  vehicle: 'Vehicle',
  payment: 'Amount',
  waited: 'Waiting for',
}

function cell(
  column: SessionColumn,
  session: SessionSummary,
  wording: 'friendly' | 'state',
): ReactNode {
  switch (column) {
    case 'session':
      return (
        <Link
          href={`/sessions/${session.id}`}
          className="font-semibold text-blue-700 underline-offset-2 hover:underline"
        >
          {session.planLabel}
          <span className="sr-only">
            {' '}
            session, requested <LocalTime iso={session.requestedAt} />
          </span>
        </Link>
      )
    case 'status':
      return <StatusBadge status={session.status} wording={wording} />
    case 'requested':
      return <LocalTime iso={session.requestedAt} />
    case 'duration':
      return formatDuration(session.liveSeconds)
    case 'customer':
      return session.customerName
    case 'mechanic':
      return session.mechanicName ?? '—'
    case 'vehicle':
      return session.vehicle
    case 'payment':
      return <Payment paidCents={session.paidCents} refundedCents={session.refundedCents} />
    case 'waited':
      // Only a request still looking for a mechanic is waiting; the stopwatch ticks on its own.
      return session.status === 'pending' ? (
        <ElapsedSince iso={session.requestedAt} testId="waited" />
      ) : (
        '—'
      )
  }
}

function Payment({ paidCents, refundedCents }: { paidCents: number; refundedCents: number }) {
  if (paidCents === 0) return '—'
  if (refundedCents === 0) return formatPrice(paidCents)
  if (refundedCents >= paidCents)
    return (
      <span>
        <span className="line-through decoration-slate-400">{formatPrice(paidCents)}</span>{' '}
        <span className="font-medium text-green-800">refunded</span>
      </span>
    )
  return (
    <span>
      {formatPrice(paidCents)}{' '}
      <span className="text-green-800">({formatPrice(refundedCents)} refunded)</span>
    </span>
  )
}

/**
 * Sessions as a table on wide screens and as stacked label/value cards on phones, from one
 * markup so tests and screen readers see the same rows at any width.
 */
export function SessionTable({
  sessions,
  columns,
  caption,
  headerOverrides = {},
  statusWording = 'friendly',
  marks = {},
}: {
  sessions: SessionSummary[]
  columns: readonly SessionColumn[]
  caption: string
  headerOverrides?: Partial<Record<SessionColumn, string>>
  statusWording?: 'friendly' | 'state'
  /** Something other features add beside a session's status (e.g. its summary's state). */
  marks?: Partial<Record<string, ReactNode>>
}) {
  const label = (column: SessionColumn) => headerOverrides[column] ?? headers[column]
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead className="hidden md:table-header-group">
        <tr className="border-b border-slate-200 text-left text-xs uppercase tracking-wide text-slate-500">
          {columns.map((column) => (
            <th key={column} scope="col" className="px-2 py-2 font-semibold first:pl-0">
              {label(column)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="block md:table-row-group">
        {sessions.map((session) => (
          <tr
            key={session.id}
            data-testid="session-row"
            data-session-id={session.id}
            className="grid grid-cols-2 gap-x-4 gap-y-2 border-b border-slate-200 py-3 last:border-b-0 md:table-row md:py-0"
          >
            {columns.map((column) => (
              <td
                key={column}
                className="flex min-w-0 flex-col items-start gap-0.5 md:table-cell md:px-2 md:py-2.5 md:align-middle md:first:pl-0"
              >
                <span className="shrink-0 text-xs font-medium text-slate-500 md:hidden">
                  {label(column)}
                </span>
                <span className="min-w-0 break-words">{cell(column, session, statusWording)}</span>
                {column === 'status' && marks[session.id]}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
