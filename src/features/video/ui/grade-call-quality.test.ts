import { describe, expect, test } from 'vitest'
import { gradeCallQuality, measuresBetween } from './grade-call-quality'

describe('call quality in plain words', () => {
  test('fast, clean and fed → good', () => {
    expect(gradeCallQuality({ roundTripSeconds: 0.05, lossRatio: 0, bitsPerSecond: 800_000 })).toBe(
      'good',
    )
  })
  test('slow round trip or some loss → weak', () => {
    expect(gradeCallQuality({ roundTripSeconds: 0.5, lossRatio: 0, bitsPerSecond: 800_000 })).toBe(
      'weak',
    )
    expect(
      gradeCallQuality({ roundTripSeconds: 0.05, lossRatio: 0.05, bitsPerSecond: 800_000 }),
    ).toBe('weak')
  })
  test('very slow, heavy loss or starved → poor', () => {
    expect(gradeCallQuality({ roundTripSeconds: 1.2, lossRatio: 0, bitsPerSecond: 800_000 })).toBe(
      'poor',
    )
    expect(
      gradeCallQuality({ roundTripSeconds: 0.05, lossRatio: 0.2, bitsPerSecond: 800_000 }),
    ).toBe('poor')
    expect(gradeCallQuality({ roundTripSeconds: 0.05, lossRatio: 0, bitsPerSecond: 10_000 })).toBe(
      'poor',
    )
  })
  test('no measure yet → unknown', () => {
    expect(gradeCallQuality({ roundTripSeconds: null, lossRatio: 0, bitsPerSecond: 0 })).toBe(
      'unknown',
    )
  })
  test('loss and bitrate are measured between two readings', () => {
    const m = measuresBetween(
      { packetsReceived: 100, packetsLost: 0, bytesReceived: 0, at: 0 },
      { packetsReceived: 190, packetsLost: 10, bytesReceived: 125_000, at: 1000 },
      0.1,
    )
    expect(m).toEqual({ roundTripSeconds: 0.1, lossRatio: 0.1, bitsPerSecond: 1_000_000 })
  })
})
