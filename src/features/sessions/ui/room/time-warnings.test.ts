import { describe, expect, it } from 'vitest'
import { dueWarning, markShown, rearm } from './time-warnings'

const live = (remainingMs: number | null, durationSeconds = 30 * 60) => ({
  status: 'live',
  durationSeconds,
  remainingMs,
})

describe('dueWarning', () => {
  it('warns at 5 minutes and then at 1 minute', () => {
    expect(dueWarning(live(6 * 60_000), new Set())).toBeNull()
    expect(dueWarning(live(5 * 60_000), new Set())).toBe(5)
    expect(dueWarning(live(3 * 60_000), new Set([5]))).toBeNull()
    expect(dueWarning(live(60_000), new Set([5]))).toBe(1)
    expect(dueWarning(live(30_000), new Set([5, 1]))).toBeNull()
  })

  it('jumps straight to the 1-minute warning when the 5-minute one was missed', () => {
    expect(dueWarning(live(40_000), new Set())).toBe(1)
  })

  it('does not warn a session shorter than the threshold, nor one that is not running', () => {
    expect(dueWarning(live(15_000, 20), new Set())).toBeNull()
    expect(dueWarning(live(4 * 60_000, 4 * 60), new Set())).toBeNull()
    expect(dueWarning(live(50_000, 4 * 60), new Set())).toBe(1)
    expect(
      dueWarning({ status: 'reconnecting', durationSeconds: 1800, remainingMs: 1000 }, new Set()),
    ).toBeNull()
    expect(dueWarning(live(0), new Set())).toBeNull()
    expect(dueWarning(live(null), new Set())).toBeNull()
  })
})

describe('markShown and rearm', () => {
  it('marks larger thresholds as shown too', () => {
    expect([...markShown(new Set(), 1)].sort()).toEqual([1, 5])
    expect([...markShown(new Set(), 5)]).toEqual([5])
  })

  it('re-arms only the thresholds an extension moved the clock well above', () => {
    expect([...rearm(new Set([5, 1]), 20 * 60_000)]).toEqual([])
    expect([...rearm(new Set([5, 1]), 4 * 60_000)]).toEqual([5])
    expect([...rearm(new Set([5]), 5 * 60_000 + 2_000)]).toEqual([5])
  })
})
