export type Distribution = {
  count: number
  p50: number | null
  p95: number | null
  p99: number | null
  max: number | null
  mean: number | null
}

const round = (value: number) => Math.round(value * 100) / 100

/** Nearest-rank percentiles in milliseconds; null when nothing was measured. */
export function summarize(samples: ArrayLike<number>): Distribution {
  const sorted = Float64Array.from(samples).sort()
  const count = sorted.length
  if (count === 0) return { count, p50: null, p95: null, p99: null, max: null, mean: null }
  const at = (p: number) => sorted[Math.min(count - 1, Math.ceil((p / 100) * count) - 1)] ?? 0
  let total = 0
  for (const value of sorted) total += value
  return {
    count,
    p50: round(at(50)),
    p95: round(at(95)),
    p99: round(at(99)),
    max: round(sorted[count - 1] ?? 0),
    mean: round(total / count),
  }
}

/** How much slower ours is than the bare relay at each percentile (null if either is missing). */
export function compare(ours: Distribution, baseline: Distribution) {
  const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b)
  return {
    p50OverBaselineMs: roundOrNull(diff(ours.p50, baseline.p50)),
    p95OverBaselineMs: roundOrNull(diff(ours.p95, baseline.p95)),
    p99OverBaselineMs: roundOrNull(diff(ours.p99, baseline.p99)),
  }
}

function roundOrNull(value: number | null): number | null {
  return value === null ? null : round(value)
}
