import Link from 'next/link'
import { Alert } from '@/components/ui'
import { formatPrice } from '@/features/catalogue/catalogue'
import { CheckoutCancelledNotice } from '@/features/payments/ui/checkout-cancelled-notice'
import type { SessionSummary } from '../../list-sessions'

/**
 * The one message at the top of the customer's dashboard: what is true now, from the current
 * state, never from where the customer came from alone. A `?booked=` link that outlived its
 * request ("Payment received…" above "…was refunded") says nothing any more.
 */
export function CustomerStatusNotice({
  active,
  latest,
  query,
}: {
  active: SessionSummary | undefined
  latest: SessionSummary | undefined
  query: { booked?: string; cancelled?: string; ended?: string }
}) {
  if (query.cancelled) return <CheckoutCancelledNotice checkoutId={query.cancelled} />
  if (active) {
    return query.booked && active.status === 'pending' ? (
      <Alert tone="success">Payment received — we're finding you a mechanic.</Alert>
    ) : null
  }
  if (!latest) return null
  switch (latest.status) {
    case 'expired':
      return (
        <Alert tone="info">
          No mechanic was available — you have been refunded{' '}
          {formatPrice(latest.refundedCents || latest.paidCents)}.
        </Alert>
      )
    case 'cancelled':
      return (
        <Alert tone="info">
          {latest.startedAt || latest.mechanicName ? 'Session cancelled' : 'Request cancelled'} —{' '}
          {refundWording(latest)}.
        </Alert>
      )
    case 'completed':
      return query.ended === latest.id ? (
        <Alert tone="info">
          Your session has ended.{' '}
          <Link
            href={`/sessions/${encodeURIComponent(latest.id)}`}
            className="font-semibold underline"
          >
            View the session
          </Link>
        </Alert>
      ) : null
    case 'pending':
    case 'accepted':
    case 'waiting':
    case 'live':
    case 'reconnecting':
      return null
  }
}

/** The refund runs as a job just after the change; until it has, say that it is on its way. */
function refundWording(session: SessionSummary): string {
  return session.refundedCents > 0
    ? `your ${formatPrice(session.refundedCents)} was refunded`
    : `your ${formatPrice(session.paidCents)} is being refunded`
}

/** Whether the notice above already speaks of this session's refund (the list then leaves it out). */
export function noticeCoversRefund(
  active: SessionSummary | undefined,
  latest: SessionSummary | undefined,
  sessionId: string | null,
): boolean {
  return (
    !active &&
    latest !== undefined &&
    latest.id === sessionId &&
    (latest.status === 'expired' || latest.status === 'cancelled')
  )
}
