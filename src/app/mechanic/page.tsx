import type { Metadata } from 'next'
import Link from 'next/link'
import { redirect } from 'next/navigation'
import { AppShell, PageTitle } from '@/components/app-shell'
import { Alert, Card } from '@/components/ui'
import { requirePageUser } from '@/features/auth/require-page-user'
import { isApprovedMechanic } from '@/features/auth/session-user'
import { ApprovalWatcher } from '@/features/mechanics/ui/approval-watcher'
import { listMonitorNotices } from '@/features/monitor/list-monitor-notices'
import { MonitorNotices } from '@/features/monitor/ui/monitor-notices'
import { roomIsOpen, toActiveSessionView } from '@/features/sessions/active-session-view'
import { getLiveVersion } from '@/features/sessions/get-live-version'
import { getRoomPresence } from '@/features/sessions/get-room-presence'
import { listQueue } from '@/features/sessions/list-queue'
import { listSessions } from '@/features/sessions/list-sessions'
import { isTerminal } from '@/features/sessions/statuses'
import { LiveRefresh } from '@/features/sessions/ui/dashboard/live-refresh'
import { MechanicActiveSession } from '@/features/sessions/ui/dashboard/mechanic-active-session'
import { RequestQueue } from '@/features/sessions/ui/dashboard/request-queue'
import { SessionTable } from '@/features/sessions/ui/dashboard/session-table'
import { getMechanicRating } from '@/features/summaries/rate-session'
import { needsSummary } from '@/features/summaries/summary-access'
import { summaryStatesOf } from '@/features/summaries/summary-states'
import { SummaryDueMark } from '@/features/summaries/ui/summary-mark'

export const metadata: Metadata = { title: 'Mechanic dashboard' }

type SearchParams = Promise<Record<string, string | string[] | undefined>>

export default async function MechanicDashboardPage({
  searchParams,
}: {
  searchParams: SearchParams
}) {
  const user = await requirePageUser({ role: 'mechanic', path: '/mechanic' })
  const approved = await isApprovedMechanic(user.id)
  if (!approved) {
    return (
      <AppShell user={user}>
        <PageTitle title="Mechanic dashboard" subtitle={`Signed in as ${user.name}`} />
        <ApprovalWatcher />
        <Alert tone="info">
          Your application is awaiting approval. An administrator will review it shortly; once
          approved, paid requests will appear here, without reloading this page.
        </Alert>
      </AppShell>
    )
  }

  const { ended } = await searchParams
  const endedId = Array.isArray(ended) ? ended[0] : ended
  // Before the data: see getLiveVersion.
  const version = await getLiveVersion(user, { kind: 'mine' })
  const [sessions, queue, notices, rating] = await Promise.all([
    listSessions({ userId: user.id, limit: 50 }),
    listQueue(),
    listMonitorNotices(user.id),
    getMechanicRating(user.id),
  ])
  const active = sessions.find((session) => !isTerminal(session.status))
  const inRoom =
    active && roomIsOpen(active.status) ? await getRoomPresence(active.id, user.id) : null
  const history = sessions.filter((session) => isTerminal(session.status))
  const summaries = await summaryStatesOf(history.filter(needsSummary).map((session) => session.id))
  const due = history.filter((session) => summaries.get(session.id)?.sent === false)
  // A session that just ended and went live: straight to its summary while it is fresh.
  if (endedId && due.some((session) => session.id === endedId)) {
    redirect(`/sessions/${endedId}/summary`)
  }

  return (
    <AppShell user={user}>
      <LiveRefresh scope={{ kind: 'mine' }} version={version} />
      <PageTitle title="Mechanic dashboard" subtitle={`Signed in as ${user.name}`} />
      <p className="text-slate-700" data-testid="average-rating">
        {rating.average === null
          ? 'No ratings yet.'
          : `Your average rating: ${rating.average.toFixed(1)} of 5 from ${rating.count} ${rating.count === 1 ? 'session' : 'sessions'}.`}
      </p>
      <MonitorNotices notices={notices} />
      {endedId && (
        <Alert tone="info">
          Your session has ended.{' '}
          <Link
            href={`/sessions/${encodeURIComponent(endedId)}`}
            className="font-semibold underline"
          >
            View the session
          </Link>
        </Alert>
      )}
      {active && (
        <MechanicActiveSession session={toActiveSessionView(active, 'mechanic', inRoom)} />
      )}
      <RequestQueue initialRequests={queue} activeSessionId={active?.id ?? null} />
      <Card title="Your sessions">
        {history.length === 0 ? (
          <p className="text-slate-600">You have not had any sessions yet.</p>
        ) : (
          <SessionTable
            sessions={history}
            caption="Your past sessions"
            columns={['session', 'status', 'requested', 'duration', 'customer', 'vehicle']}
            marks={Object.fromEntries(
              due.map((session) => [
                session.id,
                <SummaryDueMark key={session.id} sessionId={session.id} />,
              ]),
            )}
          />
        )}
      </Card>
    </AppShell>
  )
}
