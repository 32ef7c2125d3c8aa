import { monitorEventLoopDelay } from 'node:perf_hooks'

export type EventLoopDelay = { p50: number; p99: number; max: number }

/**
 * How long the server's thread was kept from its timers while `run` went on. A long stall here
 * (garbage collection, a synchronous database write) delays every message behind it, which the
 * latency percentiles alone do not explain.
 */
export async function measureEventLoop<T>(
  run: () => Promise<T>,
): Promise<{ result: T; eventLoopDelayMs: EventLoopDelay }> {
  const histogram = monitorEventLoopDelay({ resolution: 10 })
  histogram.enable()
  try {
    const result = await run()
    const ms = (ns: number) => Math.round(ns / 10_000) / 100
    return {
      result,
      eventLoopDelayMs: {
        p50: ms(histogram.percentile(50)),
        p99: ms(histogram.percentile(99)),
        max: ms(histogram.max),
      },
    }
  } finally {
    histogram.disable()
  }
}
