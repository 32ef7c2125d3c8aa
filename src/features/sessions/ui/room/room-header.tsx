import { ArrowLeft, ChevronRight } from 'lucide-react'
import Link from 'next/link'
import type { ReactNode } from 'react'
import type { RoomIntro } from '@/features/sessions/get-room-intro'
import type { SessionStatus } from '@/features/sessions/statuses'
import { PresenceName } from './presence-name'
import { RoomClock } from './room-clock'
import type { RoomStatus, RoomStatusTone } from './room-status'

const statusTones: Record<RoomStatusTone, string> = {
  muted: 'text-slate-700',
  live: 'text-green-800',
  warning: 'text-amber-800',
  ended: 'text-slate-700',
  error: 'text-red-700',
}

/** Who, what and how long: the room's header, its status line and its one big action. */
export function RoomHeader({
  intro,
  homePath,
  others,
  status,
  clock,
  endButton,
}: {
  intro: RoomIntro
  homePath: string
  others: { id: string; name: string; present: boolean | null }[]
  status: RoomStatus
  clock: {
    status: SessionStatus | null
    remainingMs: number | null
    durationSeconds: number | null
  }
  endButton: ReactNode
}) {
  const watching = intro.role === 'admin'
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex w-full max-w-6xl items-start gap-2 px-3 pt-2 sm:gap-3 sm:px-4">
        <Link
          href={homePath}
          className="inline-flex min-h-11 shrink-0 items-center gap-1 rounded-lg px-2 text-sm font-medium text-slate-700 hover:bg-slate-100"
        >
          <ArrowLeft aria-hidden className="size-4" />
          <span className="sr-only sm:not-sr-only">Dashboard</span>
        </Link>
        <div className="min-w-0 flex-1 py-1">
          <h1 className="truncate text-lg font-bold leading-tight sm:text-xl">
            {intro.planLabel} session
            <span className="font-normal text-slate-600"> · {intro.vehicle}</span>
          </h1>
          <p className="mt-0.5 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-600">
            <span className="sr-only">{watching ? 'Participants:' : 'With'}</span>
            {others.map((person) => (
              <PresenceName key={person.id} name={person.name} present={person.present} />
            ))}
          </p>
        </div>
        <RoomClock {...clock} />
      </div>
      <div className="mx-auto flex w-full max-w-6xl flex-wrap items-center justify-between gap-2 px-3 py-2 sm:px-4">
        <p
          role="status"
          data-testid="room-status"
          className={`flex min-w-0 items-center gap-2 text-sm font-medium ${statusTones[status.tone]}`}
        >
          {status.tone === 'live' && (
            <span aria-hidden className="size-2 shrink-0 animate-pulse rounded-full bg-green-600" />
          )}
          {status.text}
        </p>
        <div className="flex items-center gap-2">
          {watching && (
            <span className="rounded-full bg-slate-100 px-2.5 py-1 text-xs font-semibold text-slate-700">
              Watching as admin
            </span>
          )}
          {endButton}
        </div>
      </div>
      <details className="group mx-auto w-full max-w-6xl px-3 pb-2 text-sm sm:px-4">
        <summary className="flex min-h-8 cursor-pointer list-none items-center gap-1.5 rounded text-slate-700 [&::-webkit-details-marker]:hidden">
          <ChevronRight
            aria-hidden
            className="size-4 shrink-0 transition-transform group-open:rotate-90"
          />
          <span className="shrink-0 font-medium">
            {intro.role === 'customer' ? 'Your concern' : 'Concern'}:
          </span>
          <span className="truncate text-slate-600 group-open:hidden">{intro.concern}</span>
        </summary>
        <p className="mt-1 max-w-3xl pl-5.5 whitespace-pre-wrap text-slate-700 [overflow-wrap:anywhere]">
          {intro.concern}
        </p>
      </details>
    </header>
  )
}
