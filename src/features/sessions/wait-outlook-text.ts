import { countOf, durationInWords } from '@/lib/durations'
import type { WaitOutlook } from './get-wait-outlook'

/** The two lines a waiting customer reads: who could take the request now, and waits lately. */
export function describeWaitOutlook(outlook: WaitOutlook): { available: string; typical: string } {
  const available =
    outlook.mechanicsAvailable === 0
      ? 'No mechanic is free this minute; your request waits in the queue for the next one who is.'
      : `${countOf(outlook.mechanicsAvailable, 'mechanic')} ${outlook.mechanicsAvailable === 1 ? 'is' : 'are'} available now.`
  const typical =
    outlook.typicalWaitSeconds === null
      ? 'There are too few recent requests yet to say how long a wait usually is.'
      : outlook.basedOn === 1
        ? `The last request was accepted in about ${roughly(outlook.typicalWaitSeconds)}.`
        : `Lately, requests were accepted in about ${roughly(outlook.typicalWaitSeconds)} (the middle of the last ${outlook.basedOn}).`
  return { available, typical }
}

// A wait is told to the minute once it is a minute or more, and to ten seconds below that.
function roughly(seconds: number): string {
  if (seconds < 60) return durationInWords(Math.max(10, Math.round(seconds / 10) * 10))
  return durationInWords(Math.round(seconds / 60) * 60)
}
