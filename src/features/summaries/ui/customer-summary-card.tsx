import { PenLine } from 'lucide-react'
import { Card } from '@/components/ui'
import type { SharedFile } from '@/features/realtime/contract'
import type { RatingView } from '../rate-session'
import type { SummaryView } from '../summary-view'
import { PrintButton } from './print-button'
import { RatingForm } from './rating-form'
import { RatingStars } from './rating-view'
import { SummaryDocument } from './summary-document'

/**
 * The summary part of a session's page: the sent summary (printable), or who is writing it, and
 * the rating (the customer's form until they rate).
 */
export function SessionSummaryCards({
  sessionId,
  mechanicName,
  summary,
  rating,
  photos,
  viewer,
}: {
  sessionId: string
  mechanicName: string
  summary: SummaryView | null
  rating: RatingView | null
  photos: readonly SharedFile[]
  viewer: 'customer' | 'mechanic' | 'admin'
}) {
  return (
    <>
      <Card title="Summary" action={summary?.submittedAt ? <PrintButton /> : undefined}>
        {summary?.submittedAt ? (
          <SummaryDocument summary={summary} photos={photos} />
        ) : (
          <p className="flex items-center gap-2 text-slate-700" data-testid="summary-pending">
            <PenLine aria-hidden className="size-4" />
            {viewer === 'mechanic'
              ? 'Your summary has not been sent yet.'
              : `${mechanicName} is writing your summary. We will email it to you too.`}
          </p>
        )}
      </Card>
      <Card title="Rating">
        {rating ? (
          <RatingStars rating={rating} />
        ) : viewer === 'customer' ? (
          <RatingForm sessionId={sessionId} mechanicName={mechanicName} />
        ) : (
          <p className="text-slate-600">Not rated yet.</p>
        )}
      </Card>
    </>
  )
}
