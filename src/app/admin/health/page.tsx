import type { Metadata } from 'next'
import { AppShell, PageTitle } from '@/components/app-shell'
import { requirePageUser } from '@/features/auth/require-page-user'
import { getHealthOverview } from '@/features/monitor/get-health-overview'
import {
  AlertsFeed,
  BackgroundWork,
  MonitorRuns,
  SessionsByStatus,
} from '@/features/monitor/ui/health-panels'
import { RefreshEvery } from '@/features/monitor/ui/refresh-every'
import { getLiveVersion } from '@/features/sessions/get-live-version'
import { LiveRefresh } from '@/features/sessions/ui/dashboard/live-refresh'

export const metadata: Metadata = { title: 'Health' }
export const dynamic = 'force-dynamic'

export default async function AdminHealthPage() {
  const user = await requirePageUser({ role: 'admin', path: '/admin/health' })
  // Before the data: see getLiveVersion.
  const version = await getLiveVersion(user, { kind: 'all' })
  const overview = await getHealthOverview()
  return (
    <AppShell user={user}>
      <LiveRefresh scope={{ kind: 'all' }} version={version} />
      <RefreshEvery seconds={30} />
      <PageTitle
        title="Health"
        subtitle="Stuck sessions, what the monitor did, and the background work behind it."
      />
      <AlertsFeed alerts={overview.alerts} />
      <SessionsByStatus counts={overview.sessionsByStatus} />
      <MonitorRuns runs={overview.runs} actedRuns={overview.actedRuns} />
      <BackgroundWork overview={overview} />
    </AppShell>
  )
}
