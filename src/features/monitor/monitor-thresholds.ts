import type { ServerEnv } from '@/lib/env'

/** The monitor's limits, in seconds, from the env (the original's values are the defaults). */
export type MonitorThresholds = {
  startNudgeSeconds: number
  waitingAlertSeconds: number
  /** Accepted or waiting this long without going live: the session is released. */
  releaseSeconds: number
  maxSessionSeconds: number
  checkoutStaleSeconds: number
}

export function monitorThresholds(env: ServerEnv): MonitorThresholds {
  return {
    startNudgeSeconds: env.MONITOR_START_NUDGE_SECONDS,
    waitingAlertSeconds: env.MONITOR_WAITING_ALERT_SECONDS,
    releaseSeconds: env.REQUEST_TIMEOUT_SECONDS,
    maxSessionSeconds: env.MONITOR_MAX_SESSION_SECONDS,
    checkoutStaleSeconds: env.MONITOR_CHECKOUT_STALE_SECONDS,
  }
}

export function secondsBefore(now: Date, seconds: number): Date {
  return new Date(now.getTime() - seconds * 1000)
}

export function ageSeconds(since: Date, now: Date): number {
  return Math.max(0, Math.round((now.getTime() - since.getTime()) / 1000))
}
