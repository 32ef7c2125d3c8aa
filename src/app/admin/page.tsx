import type { Metadata } from 'next'
import Link from 'next/link'
import { AppShell, PageTitle } from '@/components/app-shell'
import { Card } from '@/components/ui'
import { requirePageUser } from '@/features/auth/require-page-user'
import { listMechanics } from '@/features/mechanics/list-mechanics'
import { getLiveVersion } from '@/features/sessions/get-live-version'
import { searchSessions } from '@/features/sessions/search-sessions'
import { SESSION_PAGE_SIZE, sessionSearchSchema } from '@/features/sessions/session-search'
import { LiveRefresh } from '@/features/sessions/ui/dashboard/live-refresh'
import {
  SessionPager,
  SessionSearchForm,
} from '@/features/sessions/ui/dashboard/session-search-form'
import { SessionTable } from '@/features/sessions/ui/dashboard/session-table'
import { parseStatusFilter, StatusFilter } from '@/features/sessions/ui/dashboard/status-filter'

export const metadata: Metadata = { title: 'Admin' }

type SearchParams = Promise<Record<string, string | string[] | undefined>>

export default async function AdminDashboardPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser({ role: 'admin', path: '/admin' })
  const params = await searchParams
  const status = parseStatusFilter(params.status)
  // A hand-edited address (page=abc) shows the first page rather than an error.
  const search = sessionSearchSchema.safeParse({
    q: typeof params.q === 'string' ? params.q : undefined,
    page: typeof params.page === 'string' ? params.page : undefined,
  })
  const query = search.success ? search.data.q : ''
  // Before the data: see getLiveVersion.
  const version = await getLiveVersion(user, { kind: 'all' })
  const [mechanics, found] = await Promise.all([
    listMechanics(),
    searchSessions({
      q: query,
      page: search.success ? search.data.page : 1,
      pageSize: SESSION_PAGE_SIZE,
      status: status ? [status] : [],
    }),
  ])
  const { sessions, total, page, pageSize } = found
  const pageCount = Math.max(1, Math.ceil(total / pageSize))
  const first = (page - 1) * pageSize + 1
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
          <SessionSearchForm basePath="/admin" query={query} status={status} />
          <p className="text-sm text-slate-600" aria-live="polite" data-testid="session-count">
            {sessions.length === 0
              ? `No ${status ? `${status} ` : ''}sessions${query ? ` match “${query}”` : ''}.`
              : `${first}–${first + sessions.length - 1} of ${total} ${status ? `${status} ` : ''}session${total === 1 ? '' : 's'}${query ? ` matching “${query}”` : ''}, newest first. The list updates live.`}
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
                'waited',
                'duration',
                'payment',
              ]}
              headerOverrides={{ requested: 'Requested at', payment: 'Paid / refunded' }}
              statusWording="state"
            />
          )}
          <SessionPager
            basePath="/admin"
            query={query}
            status={status}
            page={page}
            pageCount={pageCount}
          />
        </div>
      </Card>
    </AppShell>
  )
}
