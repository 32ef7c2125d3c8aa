import Link from 'next/link'
import { formatEmailTime } from '@/features/mail/email-templates'
import type { RatingRow } from '../list-ratings'
import { RatingStars } from './rating-view'

/** Every customer's rating for support, newest first; each links to its session. */
export function RatingsList({ ratings }: { ratings: RatingRow[] }) {
  if (ratings.length === 0) {
    return (
      <p className="text-sm text-slate-600">
        No session has been rated yet. A customer can rate a session once it has ended; each rating
        appears here at once.
      </p>
    )
  }
  return (
    <ul className="divide-y divide-slate-200" aria-label="Ratings, newest first">
      {ratings.map((rating) => (
        <li key={rating.sessionId} className="space-y-1 py-3">
          <RatingStars rating={rating} />
          <p className="text-sm break-words text-slate-600">
            {rating.customerName} rated {rating.mechanicName} ·{' '}
            <Link href={`/sessions/${rating.sessionId}`} className="text-blue-700 underline">
              {rating.vehicle}
            </Link>{' '}
            · {formatEmailTime(new Date(rating.createdAt))}
          </p>
        </li>
      ))}
    </ul>
  )
}
