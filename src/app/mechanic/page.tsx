import type { Metadata } from 'next'
import Link from 'next/link'
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
  const [sessions, queue, notices] = await Promise.all([
    listSessions({ userId: user.id, limit: 50 }),
    listQueue(),
    listMonitorNotices(user.id),
  ])
  const active = sessions.find((session) => !isTerminal(session.status))
  const inRoom =
    active && roomIsOpen(active.status) ? await getRoomPresence(active.id, user.id) : null
  const history = sessions.filter((session) => isTerminal(session.status))

  return (
    <AppShell user={user}>
      <LiveRefresh scope={{ kind: 'mine' }} version={version} />
      <PageTitle title="Mechanic dashboard" subtitle={`Signed in as ${user.name}`} />
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
          />
        )}
      </Card>
    </AppShell>
  )
}
