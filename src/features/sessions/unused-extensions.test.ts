import { describe, expect, test } from 'vitest'
import { unusedExtensions } from './unused-extensions'

const min = 60_000

describe('unused extensions', () => {
  test('16 min left after a +15: the +15 is refunded', () => {
    expect(unusedExtensions(16 * min, [{ minutes: 15 }])).toEqual([{ minutes: 15 }])
  })
  test('14 min left after a +15: the clock reached it, nothing is refunded', () => {
    expect(unusedExtensions(14 * min, [{ minutes: 15 }])).toEqual([])
  })
  test('newest first, stopping at the first one reached', () => {
    const newest = { minutes: 15, id: 'b' }
    const older = { minutes: 30, id: 'a' }
    expect(unusedExtensions(40 * min, [newest, older])).toEqual([newest])
    expect(unusedExtensions(45 * min, [newest, older])).toEqual([newest, older])
  })
  test('no time left, nothing refunded', () => {
    expect(unusedExtensions(0, [{ minutes: 15 }])).toEqual([])
  })
})
