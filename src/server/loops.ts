import { HEARTBEAT_INTERVAL_MS } from '@/features/instances/instance-timing'
import { runDueJobs } from '@/features/jobs/run-due-jobs'
import { metrics } from '@/features/metrics/metrics'
import { loopNames, recordLoopPass } from '@/features/monitor/loop-status'
import { runSessionMonitor } from '@/features/monitor/run-session-monitor'
import { sweepSessions } from '@/features/sessions/sweep-sessions'
import { logger } from '@/lib/logger'
import type { InstanceLifecycle } from './instance-lifecycle'
import { jobRegistry } from './job-registry'

export type Loops = { stop: () => Promise<void> }

/**
 * Background work inside the server process. A pass never overlaps the previous one, and every
 * write it makes is conditional, so several servers can run the same loops side by side.
 */
export function startLoops({
  sweepIntervalMs,
  jobIntervalMs,
  instance,
  monitorIntervalMs,
}: {
  sweepIntervalMs: number
  jobIntervalMs: number
  /** The server's own row in `instances`: its heartbeat, and the look for dead peers. */
  instance?: InstanceLifecycle
  /** Omitted: no monitor loop (tests and benches that drive the monitor themselves). */
  monitorIntervalMs?: number
}): Loops {
  const loops = [
    every(sweepIntervalMs, loopNames.sweep, async () => {
      const timer = metrics().sweepDuration.startTimer()
      await sweepSessions()
      timer()
    }),
    every(jobIntervalMs, loopNames.jobs, () => runDueJobs(jobRegistry)),
  ]
  if (instance) {
    // Apart, so that a long recovery pass never delays this instance's own heartbeat.
    loops.push(every(HEARTBEAT_INTERVAL_MS, loopNames.heartbeat, () => instance.beat()))
    loops.push(every(HEARTBEAT_INTERVAL_MS, loopNames.lostInstances, () => instance.recover()))
  }
  if (monitorIntervalMs !== undefined) {
    loops.push(
      every(monitorIntervalMs, loopNames.monitor, () => runSessionMonitor({ trigger: 'loop' })),
    )
  }
  return { stop: async () => void (await Promise.all(loops.map((loop) => loop.stop()))) }
}

function every(intervalMs: number, name: string, run: () => Promise<unknown>): Loops {
  let stopped = false
  let timer: NodeJS.Timeout | undefined
  let current: Promise<unknown> = Promise.resolve()
  const tick = () => {
    const started = Date.now()
    current = run()
      .catch((error: unknown) =>
        logger().error({ err: error, loop: name }, 'background loop failed'),
      )
      .finally(() => {
        const finishedAt = Date.now()
        recordLoopPass(name, { finishedAt, durationMs: finishedAt - started, intervalMs })
        // Counted from the start of the pass: a slow pass must not push the next one further out.
        const wait = Math.max(0, intervalMs - (finishedAt - started))
        if (!stopped) timer = setTimeout(tick, wait)
      })
  }
  timer = setTimeout(tick, intervalMs)
  return {
    stop: async () => {
      stopped = true
      clearTimeout(timer)
      await current
    },
  }
}
