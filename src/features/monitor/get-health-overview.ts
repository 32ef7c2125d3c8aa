import { desc, eq, sql } from 'drizzle-orm'
import { jobs, monitorRuns, sessionAlerts, sessions } from '@/db/schema'
import { type InstanceView, listInstances } from '@/features/instances/list-instances'
import { getIo } from '@/features/realtime/io'
import { sessionStatuses } from '@/features/sessions/statuses'
import { getContext } from '@/server/context'
import { countJobsByStatus, countLocalSockets, countSessionsByStatus } from './health-counts'
import { lastLoopPass, loopNames } from './loop-status'
import { instanceName } from './run-session-monitor'

/** The Health page's data, as plain values a client component may receive. */
export type HealthOverview = {
  generatedAt: string
  sessionsByStatus: { status: string; count: number }[]
  alerts: AlertView[]
  runs: RunView[]
  /** The last runs that did something: at one pass every 30 s per instance they scroll by fast. */
  actedRuns: RunView[]
  outbox: { pending: number; running: number; failed: number; recentFailures: FailureView[] }
  loops: {
    name: string
    lastPassAt: string | null
    durationMs: number | null
    intervalMs: number | null
    lagMs: number | null
  }[]
  sockets: { instance: string; here: number; everywhere: number | null }
  instances: InstanceView[]
}

export type AlertView = {
  id: number
  condition: string
  subjectId: string
  sessionId: string | null
  /** The session's status now (the alert may be resolved by itself). */
  sessionStatus: string | null
  ageSeconds: number
  thresholdSeconds: number
  /** When the thing became stuck: the alert's time minus its age then. */
  stuckSince: string
  createdAt: string
  acknowledgedAt: string | null
}

export type RunView = {
  id: number
  trigger: string
  instance: string
  startedAt: string
  durationMs: number
  actions: Record<string, number>
}

export type FailureView = {
  id: number
  kind: string
  attempts: number
  lastError: string | null
  finishedAt: string | null
}

const ALERTS_SHOWN = 50
const RUNS_SHOWN = 8
/** Asking every instance for its sockets must not hold the page up behind a dead peer. */
const FETCH_SOCKETS_TIMEOUT_MS = 1_500

export async function getHealthOverview(): Promise<HealthOverview> {
  const { db } = getContext().database
  const [counts, alertRows, runRows, actedRows, jobCounts, failures, everywhere, instanceRows] =
    await Promise.all([
      countSessionsByStatus(),
      db
        .select({
          id: sessionAlerts.id,
          condition: sessionAlerts.condition,
          subjectId: sessionAlerts.subjectId,
          sessionId: sessionAlerts.sessionId,
          sessionStatus: sessions.status,
          ageSeconds: sessionAlerts.ageSeconds,
          thresholdSeconds: sessionAlerts.thresholdSeconds,
          createdAt: sessionAlerts.createdAt,
          acknowledgedAt: sessionAlerts.acknowledgedAt,
        })
        .from(sessionAlerts)
        .leftJoin(sessions, eq(sessions.id, sessionAlerts.sessionId))
        // Open alerts first, newest first within each group.
        .orderBy(sql`${sessionAlerts.acknowledgedAt} is not null`, desc(sessionAlerts.createdAt))
        .limit(ALERTS_SHOWN),
      db.select().from(monitorRuns).orderBy(desc(monitorRuns.startedAt)).limit(RUNS_SHOWN),
      db
        .select()
        .from(monitorRuns)
        .where(
          sql`exists (select 1 from jsonb_each_text(${monitorRuns.actions}) where value::int > 0)`,
        )
        .orderBy(desc(monitorRuns.startedAt))
        .limit(RUNS_SHOWN),
      countJobsByStatus(),
      db
        .select({
          id: jobs.id,
          kind: jobs.kind,
          attempts: jobs.attempts,
          lastError: jobs.lastError,
          finishedAt: jobs.finishedAt,
        })
        .from(jobs)
        .where(eq(jobs.status, 'failed'))
        .orderBy(desc(jobs.finishedAt))
        .limit(5),
      countSocketsEverywhere(),
      listInstances(),
    ])
  const now = Date.now()
  return {
    generatedAt: new Date(now).toISOString(),
    sessionsByStatus: sessionStatuses.map((status) => ({ status, count: counts[status] ?? 0 })),
    alerts: alertRows.map((row) => ({
      ...row,
      sessionStatus: row.sessionStatus ?? null,
      stuckSince: new Date(row.createdAt.getTime() - row.ageSeconds * 1000).toISOString(),
      createdAt: row.createdAt.toISOString(),
      acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
    })),
    runs: runRows.map(toRunView),
    actedRuns: actedRows.map(toRunView),
    outbox: {
      pending: jobCounts.pending ?? 0,
      running: jobCounts.running ?? 0,
      failed: jobCounts.failed ?? 0,
      recentFailures: failures.map((row) => ({
        ...row,
        finishedAt: row.finishedAt?.toISOString() ?? null,
      })),
    },
    loops: Object.values(loopNames).map((name) => {
      const pass = lastLoopPass(name)
      return {
        name,
        lastPassAt: pass ? new Date(pass.finishedAt).toISOString() : null,
        durationMs: pass?.durationMs ?? null,
        intervalMs: pass?.intervalMs ?? null,
        // How much later than planned the loop is: 0 while it keeps to its interval.
        lagMs: pass ? Math.max(0, now - pass.finishedAt - pass.intervalMs) : null,
      }
    }),
    sockets: { instance: instanceName, here: countLocalSockets(), everywhere },
    instances: instanceRows,
  }
}

function toRunView(row: typeof monitorRuns.$inferSelect): RunView {
  return {
    id: row.id,
    trigger: row.trigger,
    instance: row.instanceId,
    startedAt: row.startedAt.toISOString(),
    durationMs: row.durationMs,
    actions: row.actions,
  }
}

/** Sockets across every instance through the adapter; null when a peer does not answer in time. */
async function countSocketsEverywhere(): Promise<number | null> {
  const io = getIo()
  if (!io) return 0
  try {
    const sockets = await io.timeout(FETCH_SOCKETS_TIMEOUT_MS).fetchSockets()
    return sockets.length
  } catch {
    return null
  }
}
