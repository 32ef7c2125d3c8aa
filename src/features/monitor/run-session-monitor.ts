import { hostname } from 'node:os'
import { lt } from 'drizzle-orm'
import { monitorRuns } from '@/db/schema'
import { metrics } from '@/features/metrics/metrics'
import { logger } from '@/lib/logger'
import { getContext } from '@/server/context'
import { alertWaitingSessions } from './alert-waiting-sessions'
import { endOverlongSessions } from './end-overlong-sessions'
import { flagUnconfirmedCheckouts } from './flag-unconfirmed-checkouts'
import { type MonitorThresholds, monitorThresholds } from './monitor-thresholds'
import { nudgeUnstartedSessions } from './nudge-unstarted-sessions'
import { releaseUnstartedSessions } from './release-unstarted-sessions'

/** What one pass did, per condition. A condition that fired on another instance counts there. */
export type MonitorActions = {
  start_nudge: number
  waiting_stuck: number
  not_started_released: number
  max_duration: number
  checkout_unconfirmed: number
}

export type MonitorRun = {
  trigger: 'loop' | 'cron'
  startedAt: string
  durationMs: number
  actions: MonitorActions
}

const KEEP_RUNS_MS = 24 * 60 * 60 * 1000

/** This process, as the Health page names it. */
export const instanceName = `${hostname()}:${process.pid}`

/**
 * One pass of the session monitor. Each condition's action is claimed by a unique alert row
 * written with its event, and each ending goes through the state machine, so passes on any number
 * of instances (and the cron route) at the same moment still act once. `now` is the monitor's
 * clock: tests move it instead of waiting.
 */
export async function runSessionMonitor({
  now = new Date(),
  trigger = 'loop',
  thresholds = monitorThresholds(getContext().env),
}: {
  now?: Date
  trigger?: 'loop' | 'cron'
  thresholds?: MonitorThresholds
} = {}): Promise<MonitorRun> {
  const started = performance.now()
  // Release before nudging: a session past the release limit gets released, not nudged.
  const actions: MonitorActions = {
    not_started_released: await releaseUnstartedSessions(now, thresholds),
    start_nudge: await nudgeUnstartedSessions(now, thresholds),
    waiting_stuck: await alertWaitingSessions(now, thresholds),
    max_duration: await endOverlongSessions(now, thresholds),
    checkout_unconfirmed: await flagUnconfirmedCheckouts(now, thresholds),
  }
  const durationMs = Math.round(performance.now() - started)
  const appMetrics = metrics()
  appMetrics.monitorDuration.observe({ trigger }, durationMs / 1000)
  for (const [condition, value] of Object.entries(actions)) {
    if (value > 0) appMetrics.monitorActions.inc({ condition }, value)
  }
  await recordRun({ trigger, now, durationMs, actions })
  const acted = Object.values(actions).some((value) => value > 0)
  logger()[acted ? 'info' : 'debug']({ trigger, durationMs, actions }, 'session monitor pass')
  return { trigger, startedAt: now.toISOString(), durationMs, actions }
}

async function recordRun({
  trigger,
  now,
  durationMs,
  actions,
}: {
  trigger: 'loop' | 'cron'
  now: Date
  durationMs: number
  actions: MonitorActions
}): Promise<void> {
  const { db } = getContext().database
  await db
    .insert(monitorRuns)
    .values({ trigger, instanceId: instanceName, startedAt: now, durationMs, actions })
  await db
    .delete(monitorRuns)
    .where(lt(monitorRuns.startedAt, new Date(now.getTime() - KEEP_RUNS_MS)))
}
