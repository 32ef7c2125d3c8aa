import { describe, expect, it } from 'vitest'
import { describeWaitOutlook } from './wait-outlook-text'

describe('describeWaitOutlook', () => {
  it('says how many mechanics are free, in the right number', () => {
    const outlook = { typicalWaitSeconds: null, basedOn: 0 }
    expect(describeWaitOutlook({ ...outlook, mechanicsAvailable: 0 }).available).toBe(
      'No mechanic is free this minute; your request waits in the queue for the next one who is.',
    )
    expect(describeWaitOutlook({ ...outlook, mechanicsAvailable: 1 }).available).toBe(
      '1 mechanic is available now.',
    )
    expect(describeWaitOutlook({ ...outlook, mechanicsAvailable: 3 }).available).toBe(
      '3 mechanics are available now.',
    )
  })

  it('tells the typical wait roughly, and says so when there is nothing to go by', () => {
    const outlook = { mechanicsAvailable: 1 }
    expect(describeWaitOutlook({ ...outlook, typicalWaitSeconds: null, basedOn: 0 }).typical).toBe(
      'There are too few recent requests yet to say how long a wait usually is.',
    )
    expect(describeWaitOutlook({ ...outlook, typicalWaitSeconds: 3, basedOn: 1 }).typical).toBe(
      'The last request was accepted in about 10 seconds.',
    )
    expect(describeWaitOutlook({ ...outlook, typicalWaitSeconds: 44, basedOn: 7 }).typical).toBe(
      'Lately, requests were accepted in about 40 seconds (the middle of the last 7).',
    )
    expect(describeWaitOutlook({ ...outlook, typicalWaitSeconds: 151, basedOn: 50 }).typical).toBe(
      'Lately, requests were accepted in about 3 minutes (the middle of the last 50).',
    )
  })
})
