import { Star } from 'lucide-react'
import type { RatingView } from '../rate-session'

export function RatingStars({ rating }: { rating: RatingView }) {
  return (
    <div className="space-y-1" data-testid="session-rating">
      <p className="flex items-center gap-1 font-medium">
        {[1, 2, 3, 4, 5].map((value) => (
          <Star
            key={value}
            aria-hidden
            className={`size-5 ${value <= rating.stars ? 'fill-amber-400 text-amber-600' : 'text-slate-400'}`}
          />
        ))}
        <span className="ml-1">
          {rating.stars} of 5 {rating.stars === 1 ? 'star' : 'stars'}
        </span>
      </p>
      {rating.comment && <p className="whitespace-pre-wrap text-slate-700">“{rating.comment}”</p>}
    </div>
  )
}
