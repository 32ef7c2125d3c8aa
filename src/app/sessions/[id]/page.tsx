import { ArrowLeft, Eye, LogIn } from 'lucide-react'
import type { Metadata } from 'next'
import Link from 'next/link'
import { AppShell, PageTitle } from '@/components/app-shell'
import { Card } from '@/components/ui'
import { requirePageUser } from '@/features/auth/require-page-user'
import { dashboardPathFor } from '@/features/auth/session-user'
import { listMessages } from '@/features/chat/list-messages'
import { MessageList } from '@/features/chat/ui/message-list'
import { listSessionExtensions } from '@/features/extensions/list-session-extensions'
import { ExtensionList } from '@/features/extensions/ui/extension-list'
import { listFilesOfSession } from '@/features/files/list-session-files'
import { SessionFileList } from '@/features/files/ui/session-file-list'
import { getLiveVersion } from '@/features/sessions/get-live-version'
import { getSessionDetailOrThrow } from '@/features/sessions/get-session-detail'
import { listSessionEvents } from '@/features/sessions/list-session-events'
import { isRoomOpen, isTerminal } from '@/features/sessions/statuses'
import { LiveRefresh } from '@/features/sessions/ui/dashboard/live-refresh'
import { EndSessionForAdmin } from '@/features/sessions/ui/detail/end-session-for-admin'
import { EventTimeline } from '@/features/sessions/ui/detail/event-timeline'
import { orNotFound } from '@/features/sessions/ui/detail/or-not-found'
import { SessionFacts } from '@/features/sessions/ui/detail/session-facts'
import { getSummaryOfSession } from '@/features/summaries/get-summary'
import { getRatingOfSession } from '@/features/summaries/rate-session'
import { needsSummary } from '@/features/summaries/summary-access'
import { SessionSummaryCards } from '@/features/summaries/ui/customer-summary-card'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Session' }

const linkButton =
  'inline-flex min-h-11 items-center justify-center gap-2 rounded-lg px-4 py-2 font-semibold transition'

export default async function SessionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const user = await requirePageUser({ path: `/sessions/${id}` })
  // Before the data: see getLiveVersion. It also turns away anyone who may not see the session.
  const version = await orNotFound(getLiveVersion(user, { kind: 'session', sessionId: id }))
  const { detail, role } = await orNotFound(getSessionDetailOrThrow(id, user))
  const summarised = needsSummary(detail)
  const [messages, extensions, files, events, summary, rating] = await Promise.all([
    listMessages(detail.id, 0, 10_000),
    listSessionExtensions(detail.id),
    listFilesOfSession(detail.id),
    role === 'admin' ? listSessionEvents(detail.id) : Promise.resolve([]),
    summarised ? getSummaryOfSession(detail.id) : Promise.resolve(null),
    summarised ? getRatingOfSession(detail.id) : Promise.resolve(null),
  ])
  const open = isRoomOpen(detail.status)
  const between = `${detail.customerName} and ${detail.mechanicName ?? 'a mechanic'}`

  return (
    <AppShell user={user}>
      <LiveRefresh scope={{ kind: 'session', sessionId: detail.id }} version={version} />
      <Link
        href={dashboardPathFor(user.role)}
        className="inline-flex min-h-11 items-center gap-1 font-medium text-blue-700 underline"
      >
        <ArrowLeft aria-hidden className="size-4" />
        Back to dashboard
      </Link>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <PageTitle title={`${detail.planLabel} session`} subtitle={detail.vehicle} />
        <div className="flex flex-wrap gap-2">
          {open && role !== 'admin' && (
            <Link
              href={detail.roomPath}
              className={`${linkButton} bg-blue-600 text-white hover:bg-blue-700`}
            >
              <LogIn aria-hidden className="size-4" />
              Join Session
            </Link>
          )}
          {open && role === 'admin' && (
            <Link
              href={detail.roomPath}
              className={`${linkButton} border border-slate-300 bg-white text-slate-800 hover:bg-slate-100`}
            >
              <Eye aria-hidden className="size-4" />
              Watch room
            </Link>
          )}
          {role === 'mechanic' && summarised && !summary?.submittedAt && (
            <Link
              href={`/sessions/${detail.id}/summary`}
              className={`${linkButton} bg-blue-600 text-white hover:bg-blue-700`}
            >
              Write the summary
            </Link>
          )}
          {role === 'admin' && !isTerminal(detail.status) && (
            <EndSessionForAdmin sessionId={detail.id} between={between} />
          )}
        </div>
      </div>

      {summarised && (
        <SessionSummaryCards
          sessionId={detail.id}
          mechanicName={detail.mechanicName ?? 'Your mechanic'}
          // A draft is the mechanic's own until it is sent.
          summary={summary?.submittedAt ? summary : null}
          rating={rating}
          photos={files}
          viewer={role}
        />
      )}

      <Card title="Details">
        <SessionFacts detail={detail} />
      </Card>

      <Card title="Extensions">
        <ExtensionList extensions={extensions} />
      </Card>

      <Card title="Files">
        <SessionFileList files={files} />
      </Card>

      <Card title="Transcript">
        <MessageList
          messages={messages}
          selfId={role === 'admin' ? '' : user.id}
          empty="No messages were sent in this session."
        />
      </Card>

      {role === 'admin' && (
        <Card title="Timeline">
          <EventTimeline events={events} />
        </Card>
      )}
    </AppShell>
  )
}
