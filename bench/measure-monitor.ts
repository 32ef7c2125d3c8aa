import { sql } from 'drizzle-orm'
import type { DatabaseHandle } from '@/db/client'
import { waitingFilter } from '@/features/monitor/alert-waiting-sessions'
import { overlongFilter } from '@/features/monitor/end-overlong-sessions'
import { monitorThresholds } from '@/features/monitor/monitor-thresholds'
import { startNudgeFilter } from '@/features/monitor/nudge-unstarted-sessions'
import { releaseFilter } from '@/features/monitor/release-unstarted-sessions'
import { runSessionMonitor } from '@/features/monitor/run-session-monitor'
import { stuckSessionsQuery } from '@/features/monitor/stuck-sessions'
import { getContext } from '@/server/context'
import { progress } from './progress'
import { summarize } from './stats'

/** Sessions per state out of every 100 arranged: most are history, as in a running service. */
const MIX = {
  completed: 70,
  cancelled: 12,
  expired: 8,
  pending: 2,
  accepted: 2,
  waiting: 2,
  live: 3,
  reconnecting: 1,
} as const
/** Of each condition's candidates, this many are arranged past its limit. */
const STUCK_PER_CONDITION = 25
const STEADY_PASSES = 7

/**
 * ARRANGEMENT: `count` sessions in mixed states written with one `generate_series` insert, each
 * active one with a customer and a mechanic of its own (the one-active-session indexes), a few of
 * each condition's candidates moved past its limit. Then one monitor pass that acts on those, and
 * steady passes with nothing new to do, beside a plain `select count(*)` over the same table.
 */
export async function measureMonitor(handle: DatabaseHandle, count: number) {
  const { db } = getContext().database
  progress(`monitor: arranging ${count} sessions in mixed states`)
  await arrange(count)
  if (handle.kind === 'postgres') await db.execute(sql`analyze`)
  const thresholds = monitorThresholds(getContext().env)

  const countTimes: number[] = []
  for (let pass = 0; pass < STEADY_PASSES; pass++) {
    const started = performance.now()
    await db.execute(sql`select count(*) from sessions`)
    countTimes.push(performance.now() - started)
  }

  progress('monitor: the first pass acts on the stuck sessions')
  const first = await runSessionMonitor({ trigger: 'loop' })
  progress('monitor: steady passes with nothing new to do')
  const steadyTimes: number[] = []
  for (let pass = 0; pass < STEADY_PASSES; pass++) {
    const started = performance.now()
    await runSessionMonitor({ trigger: 'loop' })
    steadyTimes.push(performance.now() - started)
  }
  const now = new Date()
  const plans =
    handle.kind === 'postgres' && handle.pool
      ? await explainAll(handle.pool, [
          ['start_nudge', startNudgeFilter(now, thresholds)],
          ['waiting_stuck', waitingFilter(now, thresholds)],
          ['not_started_released', releaseFilter(now, thresholds)],
          ['max_duration', overlongFilter(now, thresholds)],
        ])
      : null
  const statuses = await db.execute(
    sql`select status, count(*)::int as n from sessions group by status order by status`,
  )
  return {
    sessions: count,
    mix: (statuses as unknown as { rows: { status: string; n: number }[] }).rows,
    stuckArrangedPerCondition: STUCK_PER_CONDITION,
    firstPass: { durationMs: first.durationMs, actions: first.actions },
    steadyPassMs: summarize(steadyTimes),
    countStarMs: summarize(countTimes),
    targetMs: 50,
    plans,
    note: 'firstPass acts (one transaction, event and email job per action); steadyPassMs is a pass with nothing new to do, the state every later pass is in',
  }
}

async function arrange(count: number): Promise<void> {
  const { db } = getContext().database
  const run = crypto.randomUUID().slice(0, 8)
  // One customer and one mechanic per session: simple, and every active one is legal.
  await db.execute(sql`
    insert into users (id, name, email, role, email_verified)
    select 'bm-' || ${run} || '-' || role || '-' || n, 'Bench ' || role || ' ' || n,
           'bench-monitor-' || ${run} || '-' || role || '-' || n || '@bench.autodoctor.dev', role, true
    from generate_series(1, ${count}) as n, (values ('customer'), ('mechanic')) as r(role)`)
  const buckets = Object.entries(MIX)
  const caseOf = buckets
    .reduce<{ sql: string[]; upTo: number }>(
      (acc, [status, share]) => {
        acc.upTo += share
        acc.sql.push(`when n % 100 < ${acc.upTo} then '${status}'`)
        return acc
      },
      { sql: [], upTo: 0 },
    )
    .sql.join(' ')
  await db.execute(sql`
    with arranged as (
      select n, (case ${sql.raw(caseOf)} end) as status from generate_series(1, ${count}) as n
    )
    insert into sessions (customer_id, mechanic_id, plan, status, vehicle_year, vehicle_make,
      vehicle_model, concern, duration_seconds, requested_at, accepted_at, started_at, expires_at,
      paused_at, ended_at, end_reason, status_changed_at)
    select 'bm-' || ${run} || '-customer-' || n,
      case when status in ('pending', 'expired') then null else 'bm-' || ${run} || '-mechanic-' || n end,
      'chat', status, 2018, 'Honda', 'Civic', 'Bench monitor session', 1800,
      now() - interval '30 seconds',
      case when status in ('pending', 'expired') then null else now() - interval '20 seconds' end,
      case when status in ('live', 'reconnecting', 'completed') then now() - interval '10 seconds' end,
      case when status in ('live', 'reconnecting', 'completed') then now() + interval '30 minutes' end,
      case when status = 'reconnecting' then now() end,
      case when status in ('completed', 'cancelled', 'expired') then now() - interval '1 day' end,
      case when status in ('completed', 'cancelled', 'expired') then 'time_up' end,
      now() - interval '10 seconds'
    from arranged`)
  // A few of each condition's candidates past its limit (by moving their timestamps back).
  const stuck = (status: string, set: string) =>
    db.execute(sql`
      update sessions set ${sql.raw(set)}
      where id in (select id from sessions where status = ${status}
        and customer_id like ${`bm-${run}-%`} limit ${STUCK_PER_CONDITION})`)
  await stuck(
    'accepted',
    `status_changed_at = now() - interval '4 minutes', accepted_at = now() - interval '4 minutes'`,
  )
  await stuck('waiting', `status_changed_at = now() - interval '3 minutes'`)
  await stuck('live', `started_at = now() - interval '3 hours 1 minute'`)
}

async function explainAll(
  pool: NonNullable<DatabaseHandle['pool']>,
  filters: [string, Parameters<typeof stuckSessionsQuery>[0]][],
) {
  const plans: Record<string, { plan: string[]; usesIndex: boolean }> = {}
  for (const [name, filter] of filters) {
    const query = stuckSessionsQuery(filter).toSQL()
    const result = await pool.query<{ 'QUERY PLAN': string }>(
      `explain (analyze, costs off) ${query.sql}`,
      query.params as unknown[],
    )
    const plan = result.rows.map((row) => row['QUERY PLAN'])
    plans[name] = { plan, usesIndex: plan.some((line) => /Index (Only )?Scan/.test(line)) }
  }
  return plans
}
