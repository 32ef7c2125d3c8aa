import type { Metadata } from 'next'
import { AppShell, PageTitle } from '@/components/app-shell'
import { Card } from '@/components/ui'
import { requirePageUser } from '@/features/auth/require-page-user'
import { getBookingDraft } from '@/features/booking/get-booking-draft'
import { BookingForm } from '@/features/booking/ui/booking-form'
import { planChoices } from '@/features/booking/ui/plan-choices'
import { getMechanicIntro } from '@/features/mechanics/get-mechanic-intro'
import { listMonitorNotices } from '@/features/monitor/list-monitor-notices'
import { MonitorNotices } from '@/features/monitor/ui/monitor-notices'
import { listRefundNotices } from '@/features/payments/list-refund-notices'
import { roomIsOpen, toActiveSessionView } from '@/features/sessions/active-session-view'
import { getLiveVersion } from '@/features/sessions/get-live-version'
import { getRoomPresence } from '@/features/sessions/get-room-presence'
import { getWaitOutlook } from '@/features/sessions/get-wait-outlook'
import { listSessions } from '@/features/sessions/list-sessions'
import { isTerminal } from '@/features/sessions/statuses'
import { CustomerActiveSession } from '@/features/sessions/ui/dashboard/customer-active-session'
import {
  CustomerStatusNotice,
  noticeCoversRefund,
} from '@/features/sessions/ui/dashboard/customer-status-notice'
import { LiveRefresh } from '@/features/sessions/ui/dashboard/live-refresh'
import { SessionTable } from '@/features/sessions/ui/dashboard/session-table'
import { getVehicleOfSession } from '@/features/summaries/get-ended-session-recap'
import { getRatingOfSession } from '@/features/summaries/rate-session'
import { needsSummary } from '@/features/summaries/summary-access'
import { summaryStatesOf } from '@/features/summaries/summary-states'
import { EndedSessionPanel } from '@/features/summaries/ui/ended-session-panel'
import { SummaryReadyMark } from '@/features/summaries/ui/summary-mark'

export const metadata: Metadata = { title: 'Your dashboard' }

type SearchParams = Promise<Record<string, string | string[] | undefined>>

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)

export default async function CustomerDashboardPage({
  searchParams,
}: {
  searchParams: SearchParams
}) {
  const user = await requirePageUser({ role: 'customer', path: '/customer' })
  const query = await searchParams
  // Before the data: see getLiveVersion.
  const version = await getLiveVersion(user, { kind: 'mine' })
  const [sessions, refunds, notices, draft] = await Promise.all([
    listSessions({ userId: user.id, limit: 50 }),
    listRefundNotices(user.id),
    listMonitorNotices(user.id),
    getBookingDraft(user.id),
  ])
  const active = sessions.find((session) => !isTerminal(session.status))
  const [inRoom, outlook, mechanicIntro] = await Promise.all([
    active && roomIsOpen(active.status) ? getRoomPresence(active.id, user.id) : null,
    active?.status === 'pending' ? getWaitOutlook() : null,
    active?.mechanicId ? getMechanicIntro(active.mechanicId) : null,
  ])
  const history = sessions.filter((session) => isTerminal(session.status))
  const latest = sessions[0]
  const ended = one(query.ended)
  const endedSession = history.find((session) => session.id === ended) ?? null
  const [summaries, endedRating, endedVehicle] = await Promise.all([
    summaryStatesOf(history.filter(needsSummary).map((session) => session.id)),
    endedSession && needsSummary(endedSession) ? getRatingOfSession(endedSession.id) : null,
    endedSession ? getVehicleOfSession(user.id, endedSession.id) : null,
  ])
  const ready = history.filter((session) => summaries.get(session.id)?.sent)
  // The notice at the top speaks of the latest session's refund; the list holds the others.
  const otherRefunds = refunds.filter(
    (refund) => !noticeCoversRefund(active, latest, refund.sessionId),
  )

  return (
    <AppShell user={user}>
      <LiveRefresh scope={{ kind: 'mine' }} version={version} />
      <PageTitle title={`Hi, ${user.name}`} subtitle="Get live help from a mechanic." />
      <MonitorNotices notices={notices} />

      <div className="space-y-3 empty:hidden" data-testid="notices">
        <CustomerStatusNotice
          active={active}
          latest={latest}
          query={{
            booked: one(query.booked),
            cancelled: one(query.cancelled),
            // The panel below tells the end of a session that just ended.
            ended: endedSession ? undefined : ended,
          }}
        />
      </div>

      {endedSession && !active && (
        <EndedSessionPanel
          session={endedSession}
          wentLive={needsSummary(endedSession)}
          summarySent={summaries.get(endedSession.id)?.sent ?? false}
          rating={endedRating}
        />
      )}

      {active ? (
        <CustomerActiveSession
          session={toActiveSessionView(active, 'customer', inRoom)}
          outlook={outlook}
          mechanicIntro={mechanicIntro}
        />
      ) : (
        <div id="book" className="scroll-mt-4">
          <Card title={endedSession ? 'Book again' : 'Book a session'}>
            <BookingForm
              plans={planChoices()}
              draft={draft}
              initialVehicle={endedVehicle ?? undefined}
            />
          </Card>
        </div>
      )}

      {otherRefunds.length > 0 && (
        <Card title="Refunds">
          <ul className="space-y-2 text-sm text-slate-700" data-testid="refund-notices">
            {otherRefunds.map((refund) => (
              <li key={refund.paymentId}>{refund.message}</li>
            ))}
          </ul>
        </Card>
      )}

      <Card title="Your sessions">
        {history.length === 0 ? (
          <p className="text-slate-600">
            {active ? 'No past sessions yet.' : 'You have no sessions yet.'}
          </p>
        ) : (
          <SessionTable
            sessions={history}
            caption="Your past sessions"
            columns={['session', 'status', 'requested', 'duration', 'mechanic', 'payment']}
            marks={Object.fromEntries(
              ready.map((session) => [
                session.id,
                <SummaryReadyMark key={session.id} sessionId={session.id} />,
              ]),
            )}
          />
        )}
      </Card>
    </AppShell>
  )
}
