import { RotateCcw } from 'lucide-react'
import Link from 'next/link'
import { Card } from '@/components/ui'
import { formatPrice } from '@/features/catalogue/catalogue'
import type { SessionSummary } from '@/features/sessions/list-sessions'
import { formatDuration } from '@/features/sessions/ui/dashboard/format'
import type { RatingView } from '../rate-session'
import { RatingForm } from './rating-form'
import { RatingStars } from './rating-view'

/**
 * What the customer sees when a session has just ended: what happened, where the summary is, the
 * rating, and a way to book again.
 */
export function EndedSessionPanel({
  session,
  summarySent,
  wentLive,
  rating,
}: {
  session: SessionSummary
  summarySent: boolean
  wentLive: boolean
  rating: RatingView | null
}) {
  const mechanicName = session.mechanicName ?? 'Your mechanic'
  return (
    <Card title="Your session has ended">
      <div className="space-y-5" data-testid="ended-session">
        <dl className="grid gap-3 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-slate-600">Time with {mechanicName}</dt>
            <dd className="font-semibold">{formatDuration(session.liveSeconds)}</dd>
          </div>
          <div>
            <dt className="text-slate-600">Paid</dt>
            <dd className="font-semibold">
              {session.paidCents > 0 ? formatPrice(session.paidCents) : '—'}
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">Refunded</dt>
            <dd className="font-semibold">
              {session.refundedCents > 0 ? formatPrice(session.refundedCents) : 'Nothing'}
            </dd>
          </div>
        </dl>

        {wentLive && (
          <p className="text-slate-800" data-testid="ended-summary-state">
            {summarySent ? (
              <>
                Your summary is ready.{' '}
                <Link
                  href={`/sessions/${session.id}`}
                  className="font-semibold text-blue-700 underline"
                >
                  Read the summary
                </Link>
              </>
            ) : (
              <>
                {mechanicName} is writing your summary; we will email it to you and show it on{' '}
                <Link
                  href={`/sessions/${session.id}`}
                  className="font-semibold text-blue-700 underline"
                >
                  the session's page
                </Link>
                .
              </>
            )}
          </p>
        )}

        {wentLive &&
          (rating ? (
            <RatingStars rating={rating} />
          ) : (
            <RatingForm sessionId={session.id} mechanicName={mechanicName} />
          ))}

        <a
          href="#book"
          className="inline-flex min-h-11 items-center gap-2 rounded-lg border border-slate-300 bg-white px-4 py-2 font-semibold text-slate-800 hover:bg-slate-100"
        >
          <RotateCcw aria-hidden className="size-4" />
          Book again
        </a>
      </div>
    </Card>
  )
}
