import { AlarmClock, CirclePlus, Eye, WifiOff, X } from 'lucide-react'
import type { ReactNode } from 'react'

/** Shown while this tab's socket is down; the room rejoins by itself when it comes back. */
export function ConnectionBanner() {
  return (
    <div
      role="alert"
      className="flex items-center gap-2 border-b border-amber-300 bg-amber-100 px-4 py-2 text-sm font-medium text-amber-950"
    >
      <WifiOff aria-hidden className="size-4 shrink-0" />
      Connection lost — reconnecting…
    </div>
  )
}

export function TimeWarningBanner({
  minutes,
  onDismiss,
  action,
}: {
  minutes: 5 | 1
  onDismiss: () => void
  /** The customer is offered more time right in the warning. */
  action?: ReactNode
}) {
  const urgent = minutes === 1
  return (
    <div
      role="alert"
      data-testid="time-warning"
      className={`flex items-center gap-2 border-b px-4 py-2 text-sm font-medium ${
        urgent
          ? 'border-red-300 bg-red-100 text-red-950'
          : 'border-amber-300 bg-amber-50 text-amber-950'
      }`}
    >
      <AlarmClock aria-hidden className="size-4 shrink-0" />
      <span className="flex-1">
        {urgent
          ? '1 minute left — the session ends when the clock reaches 0:00.'
          : '5 minutes left in this session.'}
      </span>
      {action}
      <button
        type="button"
        onClick={onDismiss}
        aria-label="Dismiss time warning"
        className="inline-flex size-9 shrink-0 items-center justify-center rounded-lg hover:bg-black/5"
      >
        <X aria-hidden className="size-4" />
      </button>
    </div>
  )
}

/** Both sides see the new time arrive, whoever bought it. */
export function ExtendedBanner({ minutes }: { minutes: number }) {
  return (
    <div
      role="status"
      data-testid="extended-banner"
      className="flex items-center gap-2 border-b border-green-300 bg-green-50 px-4 py-2 text-sm font-medium text-green-900"
    >
      <CirclePlus aria-hidden className="size-4 shrink-0" />
      {minutes} minutes added to the session.
    </div>
  )
}

/** Participants always know when support can read along; it goes when the last admin leaves. */
export function AdminWatchingBanner() {
  return (
    <div
      role="status"
      data-testid="admin-watching"
      className="flex items-center gap-2 border-b border-blue-200 bg-blue-50 px-4 py-2 text-sm font-medium text-blue-950"
    >
      <Eye aria-hidden className="size-4 shrink-0" />
      Support is watching this session to help if something goes wrong.
    </div>
  )
}
