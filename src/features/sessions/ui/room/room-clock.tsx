'use client'

import { useId } from 'react'
import { isTerminal, type SessionStatus } from '@/features/sessions/statuses'
import { formatClock } from './use-countdown'

/** The server's clock as this tab sees it: running while live, frozen otherwise. */
export function RoomClock({
  status,
  remainingMs,
  durationSeconds,
}: {
  status: SessionStatus | null
  remainingMs: number | null
  durationSeconds: number | null
}) {
  const labelId = useId()
  const label =
    status === null
      ? 'Time'
      : status === 'live'
        ? 'Time left'
        : status === 'reconnecting'
          ? 'Paused'
          : isTerminal(status)
            ? 'Ended'
            : 'Not started'
  // Colours follow the warnings: a session shorter than a threshold does not start out alarmed.
  const reached = (minutes: number) =>
    remainingMs !== null && remainingMs <= minutes * 60_000 && (durationSeconds ?? 0) > minutes * 60
  const tone =
    status !== 'live'
      ? 'text-slate-700'
      : reached(1)
        ? 'text-red-700'
        : reached(5)
          ? 'text-amber-700'
          : 'text-slate-900'
  return (
    <div className="shrink-0 text-right">
      <p id={labelId} className="text-xs font-medium uppercase tracking-wide text-slate-500">
        {label}
      </p>
      <p
        role="timer"
        aria-labelledby={labelId}
        data-testid="session-clock"
        className={`font-mono text-2xl font-bold tabular-nums sm:text-3xl ${tone}`}
      >
        {remainingMs === null ? '--:--' : formatClock(remainingMs)}
      </p>
    </div>
  )
}
