import { MessageSquare, Video } from 'lucide-react'
import type { ActiveSessionView } from '../../active-session-view'
import { JoinSessionLink } from './join-session-link'
import { RoomPresenceLine } from './room-presence-line'
import { StatusBadge } from './status-badge'

/** The session a mechanic has taken and not finished; the queue is closed to them until then. */
export function MechanicActiveSession({ session }: { session: ActiveSessionView }) {
  const Icon = session.type === 'chat' ? MessageSquare : Video
  return (
    <section
      aria-labelledby="active-session-heading"
      className="rounded-xl border border-blue-200 bg-white p-5 shadow-sm"
      data-testid="active-session"
    >
      <div className="flex flex-wrap items-center justify-between gap-4">
        <div className="flex min-w-0 items-start gap-3">
          <Icon aria-hidden className="mt-1 size-6 shrink-0 text-blue-600" />
          <div className="min-w-0">
            <h2 id="active-session-heading" className="text-xl font-semibold">
              Your active session
            </h2>
            <p className="mt-1 flex flex-wrap items-center gap-2 text-slate-600">
              <StatusBadge status={session.status} />
              <span>
                {session.planLabel} · {session.length} with {session.otherName}
              </span>
              <RoomPresenceLine session={session} />
            </p>
          </div>
        </div>
        <JoinSessionLink href={session.roomPath} />
      </div>
      <dl className="mt-4 grid gap-x-6 gap-y-2 border-t border-slate-200 pt-4 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-slate-500">Vehicle</dt>
          <dd className="font-medium">{session.vehicle}</dd>
        </div>
        <div className="sm:col-span-2">
          <dt className="text-slate-500">Concern</dt>
          <dd className="line-clamp-3 whitespace-pre-line break-words">{session.concern}</dd>
        </div>
      </dl>
    </section>
  )
}
