import { describe, expect, test } from 'vitest'
import { AppError } from '@/lib/errors'
import { assertTransition, canTransition, transitions } from './state-machine'
import {
  activeStatuses,
  isRoomOpen,
  isTerminal,
  type SessionStatus,
  sessionStatuses,
  terminalStatuses,
} from './statuses'

/** Every state reachable from `from` by legal moves (including itself). */
function reachableFrom(from: SessionStatus): Set<SessionStatus> {
  const seen = new Set<SessionStatus>([from])
  const queue: SessionStatus[] = [from]
  for (let next = queue.shift(); next; next = queue.shift()) {
    for (const to of transitions[next]) {
      if (!seen.has(to)) {
        seen.add(to)
        queue.push(to)
      }
    }
  }
  return seen
}

describe('the session state table', () => {
  test('every state is either active or terminal, never both', () => {
    expect([...activeStatuses, ...terminalStatuses].sort()).toEqual([...sessionStatuses].sort())
    for (const status of sessionStatuses) {
      expect(isTerminal(status)).toBe(!(activeStatuses as readonly string[]).includes(status))
    }
  })

  test('terminal states never change again', () => {
    for (const status of terminalStatuses) {
      expect(transitions[status]).toEqual([])
      for (const to of sessionStatuses) expect(canTransition(status, to)).toBe(false)
    }
  })

  test('no state moves to itself', () => {
    for (const status of sessionStatuses) expect(canTransition(status, status)).toBe(false)
  })

  test('every state can be reached from a paid request, and every active state can end', () => {
    expect(reachableFrom('pending')).toEqual(new Set(sessionStatuses))
    for (const status of activeStatuses) {
      const ends = [...reachableFrom(status)].filter(isTerminal)
      expect(ends.length).toBeGreaterThan(0)
    }
  })

  test('only a request nobody accepted can expire; completed needs the clock to have run', () => {
    const into = (to: SessionStatus) => sessionStatuses.filter((from) => canTransition(from, to))
    expect(into('expired')).toEqual(['pending'])
    expect(into('completed')).toEqual(['live', 'reconnecting'])
    expect(into('live')).toEqual(['waiting', 'reconnecting'])
    expect(into('accepted')).toEqual(['pending'])
  })

  test('the room is open exactly between acceptance and the end', () => {
    expect(sessionStatuses.filter(isRoomOpen)).toEqual([
      'accepted',
      'waiting',
      'live',
      'reconnecting',
    ])
  })
})

describe('assertTransition', () => {
  test('a legal move passes', () => {
    expect(() => assertTransition('live', 'reconnecting')).not.toThrow()
  })

  test('an illegal move is a 409 conflict that names the current state', () => {
    let error: unknown
    try {
      assertTransition('completed', 'live')
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(AppError)
    expect(error).toMatchObject({
      code: 'conflict',
      status: 409,
      details: { status: 'completed' },
      message: 'A completed session cannot become live',
    })
  })
})
