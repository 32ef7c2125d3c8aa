import type { CallQuality } from '@/features/realtime/contract'

/** What `getStats()` tells about the call, reduced to the three things a person notices. */
export type CallMeasures = {
  /** Seconds, from the nominated candidate pair; null before the first measure. */
  roundTripSeconds: number | null
  /** Share of incoming packets lost since the last reading, 0..1. */
  lossRatio: number
  /** Incoming bits per second since the last reading. */
  bitsPerSecond: number
}

/**
 * Plain words for the connection: "good" holds a clear picture, "weak" stutters, "poor" drops
 * to still frames or sound only. The thresholds are what video calls commonly use: under 300 ms
 * and 2 % loss feels live; over 800 ms or 10 % loss does not.
 */
export function gradeCallQuality(measures: CallMeasures): CallQuality {
  const { roundTripSeconds, lossRatio, bitsPerSecond } = measures
  if (roundTripSeconds === null) return 'unknown'
  if (roundTripSeconds > 0.8 || lossRatio > 0.1 || bitsPerSecond < 30_000) return 'poor'
  if (roundTripSeconds > 0.3 || lossRatio > 0.02 || bitsPerSecond < 150_000) return 'weak'
  return 'good'
}

type StatsEntry = Record<string, unknown> & { type: string; id: string }

/** Totals read from one `getStats()` report, to be differenced with the previous reading. */
export type StatsTotals = {
  packetsReceived: number
  packetsLost: number
  bytesReceived: number
  at: number
}

/** Reads the totals and the round-trip time from an `RTCStatsReport`. */
export function readStats(
  report: Iterable<StatsEntry>,
  at: number,
): {
  totals: StatsTotals
  roundTripSeconds: number | null
} {
  let packetsReceived = 0
  let packetsLost = 0
  let bytesReceived = 0
  let roundTripSeconds: number | null = null
  for (const entry of report) {
    if (entry.type === 'inbound-rtp') {
      packetsReceived += Number(entry.packetsReceived ?? 0)
      packetsLost += Number(entry.packetsLost ?? 0)
      bytesReceived += Number(entry.bytesReceived ?? 0)
    }
    if (
      entry.type === 'candidate-pair' &&
      entry.nominated === true &&
      entry.state === 'succeeded' &&
      typeof entry.currentRoundTripTime === 'number'
    ) {
      roundTripSeconds = entry.currentRoundTripTime
    }
  }
  return { totals: { packetsReceived, packetsLost, bytesReceived, at }, roundTripSeconds }
}

/** The measures between two readings. */
export function measuresBetween(
  before: StatsTotals,
  after: StatsTotals,
  roundTripSeconds: number | null,
): CallMeasures {
  const received = Math.max(0, after.packetsReceived - before.packetsReceived)
  const lost = Math.max(0, after.packetsLost - before.packetsLost)
  const seconds = Math.max(0.001, (after.at - before.at) / 1000)
  return {
    roundTripSeconds,
    lossRatio: received + lost === 0 ? 0 : lost / (received + lost),
    bitsPerSecond: (Math.max(0, after.bytesReceived - before.bytesReceived) * 8) / seconds,
  }
}
