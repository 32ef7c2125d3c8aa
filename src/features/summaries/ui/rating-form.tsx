'use client'

import { Star } from 'lucide-react'
import { useRouter } from 'next/navigation'
import { type FormEvent, useState } from 'react'
import { Alert, Button } from '@/components/ui'

/** Stars 1 to 5 and an optional comment; sent once (the server refuses a second rating). */
export function RatingForm({
  sessionId,
  mechanicName,
}: {
  sessionId: string
  mechanicName: string
}) {
  const router = useRouter()
  const [stars, setStars] = useState<number | null>(null)
  const [comment, setComment] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [pending, setPending] = useState(false)

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (stars === null) {
      setError('Choose from 1 to 5 stars.')
      return
    }
    setPending(true)
    setError(null)
    try {
      const response = await fetch(`/api/sessions/${sessionId}/rating`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ stars, ...(comment.trim() ? { comment } : {}) }),
      })
      if (response.ok) {
        router.refresh()
        return
      }
      const body = (await response.json().catch(() => null)) as {
        error?: { message?: string }
      } | null
      setError(body?.error?.message ?? 'Your rating was not saved. Please try again.')
    } catch {
      setError('Your rating was not saved: check your connection.')
    } finally {
      setPending(false)
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3 print:hidden" aria-label="Rate this session">
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-slate-800">
          How helpful was {mechanicName}?
        </legend>
        <div className="flex flex-wrap gap-1">
          {[1, 2, 3, 4, 5].map((value) => (
            <label
              key={value}
              className="inline-flex min-h-11 min-w-11 cursor-pointer items-center justify-center gap-1 rounded-lg border border-slate-300 px-2 has-[:checked]:border-amber-500 has-[:checked]:bg-amber-50"
            >
              <input
                type="radio"
                name="stars"
                value={value}
                className="sr-only"
                checked={stars === value}
                onChange={() => setStars(value)}
              />
              <Star
                aria-hidden
                className={`size-5 ${stars !== null && value <= stars ? 'fill-amber-400 text-amber-600' : 'text-slate-500'}`}
              />
              <span className="text-sm">
                {value}
                <span className="sr-only"> {value === 1 ? 'star' : 'stars'}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="space-y-1">
        <label
          htmlFor={`rating-comment-${sessionId}`}
          className="block text-sm font-medium text-slate-800"
        >
          Comment <span className="text-slate-500">(optional)</span>
        </label>
        <textarea
          id={`rating-comment-${sessionId}`}
          className="block min-h-20 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base shadow-sm"
          maxLength={2000}
          value={comment}
          onChange={(event) => setComment(event.target.value)}
        />
      </div>
      {error && <Alert>{error}</Alert>}
      <Button type="submit" disabled={pending}>
        {pending ? 'Sending…' : 'Send rating'}
      </Button>
    </form>
  )
}
