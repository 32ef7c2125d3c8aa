import type { Metadata } from 'next'
import Link from 'next/link'
import { AppShell, PageTitle } from '@/components/app-shell'
import { Card } from '@/components/ui'
import { requirePageUser } from '@/features/auth/require-page-user'
import { listMechanics } from '@/features/mechanics/list-mechanics'
import { getLiveVersion } from '@/features/sessions/get-live-version'
import { listSessions } from '@/features/sessions/list-sessions'
import { LiveRefresh } from '@/features/sessions/ui/dashboard/live-refresh'
import { SessionTable } from '@/features/sessions/ui/dashboard/session-table'
import {
  countLabel,
  parseStatusFilter,
  StatusFilter,
} from '@/features/sessions/ui/dashboard/status-filter'

export const metadata: Metadata = { title: 'Admin' }

const SESSION_LIMIT = 200

type SearchParams = Promise<Record<string, string | string[] | undefined>>

export default async function AdminDashboardPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser({ role: 'admin', path: '/admin' })
  const status = parseStatusFilter((await searchParams).status)
  // Before the data: see getLiveVersion.
  const version = await getLiveVersion(user, { kind: 'all' })
  const [mechanics, sessions] = await Promise.all([
    listMechanics(),
    listSessions({ statuses: status ? [status] : undefined, limit: SESSION_LIMIT }),
  ])
  const pending = mechanics.filter((mechanic) => !mechanic.approvedAt).length
  return (
    <AppShell user={user}>
      <LiveRefresh scope={{ kind: 'all' }} version={version} />
      <PageTitle title="Admin overview" subtitle="Support and session health." />
      <Card
        title="Mechanic applications"
        action={
          <Link href="/admin/mechanics" className="font-semibold text-blue-700 underline">
            Review
          </Link>
        }
      >
        <p className="text-slate-700">
          {pending === 0 ? 'No applications are waiting.' : `${pending} waiting for review.`}
        </p>
      </Card>
      <Card title="Sessions">
        <div className="space-y-4">
          <StatusFilter basePath="/admin" current={status} />
          <p className="text-sm text-slate-600" aria-live="polite">
            {countLabel(sessions.length, status, SESSION_LIMIT)}
          </p>
          {sessions.length > 0 && (
            <SessionTable
              sessions={sessions}
              caption={status ? `Sessions that are ${status}` : 'All sessions'}
              columns={[
                'session',
                'customer',
                'mechanic',
                'status',
                'requested',
                'duration',
                'payment',
              ]}
              headerOverrides={{ requested: 'Requested at', payment: 'Paid / refunded' }}
              statusWording="state"
            />
          )}
        </div>
      </Card>
    </AppShell>
  )
}
