import Link from 'next/link'
import { Card } from '@/components/ui'
import type { AlertView, HealthOverview, RunView } from '@/features/monitor/get-health-overview'
import type { SessionStatus } from '@/features/realtime/contract'
import { ElapsedSince } from '@/features/sessions/ui/dashboard/elapsed-since'
import { formatDuration } from '@/features/sessions/ui/dashboard/format'
import { LocalTime } from '@/features/sessions/ui/dashboard/local-time'
import { StatusBadge } from '@/features/sessions/ui/dashboard/status-badge'
import { AcknowledgeAlertButton } from './acknowledge-alert-button'
import { conditionLabel, conditionShortLabels } from './condition-labels'

const stillStuck: Record<string, readonly string[]> = {
  start_nudge: ['accepted'],
  waiting_stuck: ['waiting'],
}

export function SessionsByStatus({ counts }: { counts: HealthOverview['sessionsByStatus'] }) {
  return (
    <Card title="Sessions right now">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="sessions-by-status">
        {counts.map(({ status, count }) => (
          <div key={status} className="rounded-lg border border-slate-200 px-3 py-2">
            <dt className="text-sm text-slate-600">
              <StatusBadge status={status as SessionStatus} wording="state" />
            </dt>
            <dd
              className="mt-1 text-2xl font-semibold tabular-nums"
              data-testid={`count-${status}`}
            >
              {count}
            </dd>
          </div>
        ))}
      </dl>
    </Card>
  )
}

export function AlertsFeed({ alerts }: { alerts: AlertView[] }) {
  const open = alerts.filter((alert) => !alert.acknowledgedAt)
  const acknowledged = alerts.filter((alert) => alert.acknowledgedAt)
  return (
    <Card title={`Alerts (${open.length} open)`}>
      {alerts.length === 0 ? (
        <p className="text-slate-600">Nothing is stuck. The monitor has raised no alerts.</p>
      ) : (
        <div className="space-y-5">
          <AlertList title="Open" alerts={open} empty="No open alerts." testId="open-alerts" />
          {acknowledged.length > 0 && (
            <AlertList
              title="Acknowledged"
              alerts={acknowledged}
              empty=""
              testId="acknowledged-alerts"
            />
          )}
        </div>
      )}
    </Card>
  )
}

function AlertList({
  title,
  alerts,
  empty,
  testId,
}: {
  title: string
  alerts: AlertView[]
  empty: string
  testId: string
}) {
  return (
    <section aria-label={`${title} alerts`}>
      <h3 className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-500">{title}</h3>
      {alerts.length === 0 ? (
        <p className="text-slate-600">{empty}</p>
      ) : (
        <ul className="divide-y divide-slate-200" data-testid={testId}>
          {alerts.map((alert) => (
            <AlertItem key={alert.id} alert={alert} />
          ))}
        </ul>
      )}
    </section>
  )
}

function AlertItem({ alert }: { alert: AlertView }) {
  const label = conditionLabel(alert.condition)
  const ongoing =
    !alert.acknowledgedAt &&
    alert.sessionStatus !== null &&
    (stillStuck[alert.condition] ?? []).includes(alert.sessionStatus)
  return (
    <li
      className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between"
      data-testid="alert"
      data-condition={alert.condition}
      data-subject={alert.subjectId}
    >
      <div className="min-w-0 space-y-1">
        <p className="font-medium text-slate-900">{label}</p>
        <p className="text-sm text-slate-600">
          {ongoing ? (
            <>
              Stuck for <ElapsedSince iso={alert.stuckSince} />
            </>
          ) : (
            <>Stuck {formatDuration(alert.ageSeconds)} when seen</>
          )}{' '}
          (limit {formatDuration(alert.thresholdSeconds)}) · raised{' '}
          <LocalTime iso={alert.createdAt} />
        </p>
        <p className="flex flex-wrap items-center gap-2 text-sm">
          {alert.sessionId ? (
            <>
              <Link
                href={`/sessions/${alert.sessionId}`}
                className="font-semibold text-blue-700 underline"
              >
                View session
              </Link>
              {alert.sessionStatus && (
                <StatusBadge status={alert.sessionStatus as SessionStatus} wording="state" />
              )}
            </>
          ) : (
            <span className="break-all font-mono text-xs text-slate-600">
              checkout {alert.subjectId}
            </span>
          )}
        </p>
      </div>
      {alert.acknowledgedAt ? (
        <p className="text-sm text-slate-600">
          Acknowledged <LocalTime iso={alert.acknowledgedAt} />
        </p>
      ) : (
        <AcknowledgeAlertButton alertId={alert.id} label={label} />
      )}
    </li>
  )
}

export function MonitorRuns({ runs, actedRuns }: { runs: RunView[]; actedRuns: RunView[] }) {
  return (
    <Card title="Monitor runs">
      <div className="space-y-5">
        <RunTable
          title="Latest"
          runs={runs}
          empty="The monitor has not run yet."
          testId="monitor-runs"
        />
        <RunTable
          title="Latest that acted"
          runs={actedRuns}
          empty="No run has had anything to do yet."
          testId="monitor-acted-runs"
        />
      </div>
    </Card>
  )
}

function RunTable({
  title,
  runs,
  empty,
  testId,
}: {
  title: string
  runs: RunView[]
  empty: string
  testId: string
}) {
  return (
    <section aria-label={`${title} monitor runs`}>
      <h3 className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-500">{title}</h3>
      {runs.length === 0 ? (
        <p className="text-slate-600">{empty}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid={testId}>
            <caption className="sr-only">{title} monitor runs, newest first</caption>
            <thead className="text-slate-600">
              <tr>
                <th scope="col" className="py-2 pr-3 font-medium">
                  When
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  Took
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  Did
                </th>
                <th scope="col" className="hidden py-2 pr-3 font-medium sm:table-cell">
                  From
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {runs.map((run) => (
                <tr key={run.id}>
                  <td className="py-2 pr-3">
                    <LocalTime iso={run.startedAt} />
                  </td>
                  <td className="py-2 pr-3 tabular-nums">{run.durationMs} ms</td>
                  <td className="py-2 pr-3">{describeActions(run.actions)}</td>
                  <td className="hidden py-2 pr-3 text-slate-600 sm:table-cell">
                    {run.trigger} · <span className="break-all">{run.instance}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

function describeActions(actions: Record<string, number>): string {
  const done = Object.entries(actions).filter(([, count]) => count > 0)
  if (done.length === 0) return 'nothing to do'
  return done
    .map(([condition, count]) => `${count} ${conditionShortLabels[condition] ?? condition}`)
    .join(', ')
}

export function BackgroundWork({ overview }: { overview: HealthOverview }) {
  const { outbox, loops, sockets } = overview
  return (
    <Card title="Background work and connections">
      <div className="grid gap-5 md:grid-cols-3">
        <section aria-label="Outbox">
          <h3 className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-500">
            Outbox
          </h3>
          <dl className="space-y-1 text-sm">
            <Fact label="Waiting to run" value={outbox.pending} testId="outbox-pending" />
            <Fact label="Running" value={outbox.running} />
            <Fact label="Failed for good" value={outbox.failed} testId="outbox-failed" />
          </dl>
          {outbox.recentFailures.length > 0 && (
            <ul className="mt-2 space-y-1 text-sm text-red-800">
              {outbox.recentFailures.map((failure) => (
                <li key={failure.id} className="break-words">
                  {failure.kind} after {failure.attempts} attempts:{' '}
                  {failure.lastError ?? 'no error recorded'}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-label="Loops on this instance">
          <h3 className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-500">
            Loops on this instance
          </h3>
          <dl className="space-y-1 text-sm">
            {loops.map((loop) => (
              <div key={loop.name} className="flex justify-between gap-3">
                <dt className="text-slate-600">{loop.name}</dt>
                <dd className="text-right tabular-nums">
                  {loop.lastPassAt === null
                    ? 'not run yet'
                    : `${loop.durationMs} ms · lag ${loop.lagMs} ms`}
                </dd>
              </div>
            ))}
          </dl>
        </section>
        <section aria-label="Connections">
          <h3 className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-500">
            Connections
          </h3>
          <dl className="space-y-1 text-sm">
            <Fact label="Sockets on this instance" value={sockets.here} testId="sockets-here" />
            <Fact
              label="Sockets on all instances"
              value={sockets.everywhere ?? 'no answer'}
              testId="sockets-everywhere"
            />
          </dl>
          <p className="mt-2 break-all text-xs text-slate-500">This instance: {sockets.instance}</p>
          <h3 className="mt-4 mb-2 text-sm font-semibold uppercase tracking-wide text-slate-500">
            Instances
          </h3>
          <ul className="space-y-1 text-sm" data-testid="instances">
            {overview.instances.map((instance) => (
              <li key={instance.id} className="flex justify-between gap-3">
                <span className="break-all font-mono text-xs text-slate-600">
                  {instance.id.slice(0, 8)}
                </span>
                <span>{instanceStateLabels[instance.state]}</span>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </Card>
  )
}

const instanceStateLabels = {
  alive: 'alive',
  stopping: 'stopped, clients returning',
  silent: 'no heartbeat',
} as const

function Fact({
  label,
  value,
  testId,
}: {
  label: string
  value: number | string
  testId?: string
}) {
  return (
    <div className="flex justify-between gap-3">
      <dt className="text-slate-600">{label}</dt>
      <dd className="font-semibold tabular-nums" data-testid={testId}>
        {value}
      </dd>
    </div>
  )
}
