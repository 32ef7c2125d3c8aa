import { describe, expect, it } from 'vitest'
import { durationInWords, shortDuration } from './durations'

describe('durations', () => {
  it('speaks of one minute in the singular', () => {
    expect(durationInWords(60)).toBe('1 minute')
    expect(durationInWords(900)).toBe('15 minutes')
    expect(durationInWords(1)).toBe('1 second')
    expect(durationInWords(150)).toBe('2 minutes 30 seconds')
  })

  it('gives the length a clock will run, short', () => {
    expect(shortDuration(1800)).toBe('30 min')
    expect(shortDuration(180)).toBe('3 min')
    expect(shortDuration(20)).toBe('20 s')
    expect(shortDuration(150)).toBe('2 min 30 s')
  })
})
