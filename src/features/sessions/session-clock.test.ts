import { describe, expect, test } from 'vitest'
import { endStatusFor, extendPatch, goLivePatch, remainingMs } from './session-clock'
import type { SessionRow } from './transition-session'

const t0 = new Date('2026-03-01T12:00:00.000Z')
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000)

function session(overrides: Partial<SessionRow> = {}): SessionRow {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    customerId: 'customer',
    mechanicId: 'mechanic',
    plan: 'chat',
    status: 'waiting',
    vehicleYear: 2016,
    vehicleMake: 'Subaru',
    vehicleModel: 'Outback',
    concern: 'Noise',
    durationSeconds: 30 * 60,
    requestedAt: at(-600),
    acceptedAt: at(-300),
    startedAt: null,
    expiresAt: null,
    pausedAt: null,
    endedAt: null,
    endReason: null,
    lastWarningMinutes: null,
    statusChangedAt: at(-300),
    createdAt: at(-600),
    ...overrides,
  }
}

describe('goLivePatch', () => {
  test('the first time live, the clock starts now for the paid duration', () => {
    expect(goLivePatch(session(), t0)).toEqual({
      startedAt: t0,
      expiresAt: at(30 * 60),
      pausedAt: null,
    })
  })

  test('resuming after a pause moves the end later by exactly the paused time', () => {
    const paused = session({
      status: 'reconnecting',
      startedAt: at(-120),
      expiresAt: at(30 * 60 - 120),
      pausedAt: at(-45),
    })
    expect(goLivePatch(paused, t0)).toEqual({ expiresAt: at(30 * 60 - 120 + 45), pausedAt: null })
  })

  test('a pause stamped after "now" (clock skew between servers) never shortens the session', () => {
    const paused = session({ startedAt: at(-60), expiresAt: at(600), pausedAt: at(5) })
    expect(goLivePatch(paused, t0).expiresAt).toEqual(at(600))
  })
})

describe('remainingMs', () => {
  test('before the clock starts, the whole paid duration is left', () => {
    expect(remainingMs(session(), t0)).toBe(30 * 60_000)
  })

  test('while live it counts down to expires_at', () => {
    expect(remainingMs(session({ startedAt: at(-60), expiresAt: at(90) }), t0)).toBe(90_000)
  })

  test('while paused it is frozen at the moment of the pause', () => {
    const paused = session({ startedAt: at(-60), expiresAt: at(90), pausedAt: at(-30) })
    expect(remainingMs(paused, t0)).toBe(120_000)
    expect(remainingMs(paused, at(3600))).toBe(120_000)
  })

  test('is never negative', () => {
    expect(remainingMs(session({ startedAt: at(-600), expiresAt: at(-1) }), t0)).toBe(0)
  })
})

describe('endStatusFor', () => {
  test('a session that never went live is cancelled', () => {
    expect(endStatusFor(session(), t0)).toBe('cancelled')
    expect(endStatusFor(session(), t0, { timeUp: true })).toBe('cancelled')
  })

  test('ended early: under 60 s live is cancelled, 60 s or more is completed', () => {
    expect(endStatusFor(session({ startedAt: at(-59.999) }), t0)).toBe('cancelled')
    expect(endStatusFor(session({ startedAt: at(-60) }), t0)).toBe('completed')
  })

  test('time that ran out is completed, however short the session was', () => {
    expect(endStatusFor(session({ startedAt: at(-5) }), t0, { timeUp: true })).toBe('completed')
  })
})

// The rule `extendClock` writes under the row lock; the integration tests of extensions run it
// against both databases.
describe('extendClock', () => {
  test('live: adds the minutes to the end, and resets the time warnings', () => {
    const live = session({
      status: 'live',
      startedAt: at(-60),
      expiresAt: at(600),
      lastWarningMinutes: 5,
    })
    expect(extendPatch(live, 15, t0)).toEqual({
      durationSeconds: 45 * 60,
      expiresAt: at(600 + 15 * 60),
      lastWarningMinutes: null,
    })
  })

  test('live with the clock already run out: the minutes count from now', () => {
    const late = session({ status: 'live', startedAt: at(-1800), expiresAt: at(-5) })
    expect(extendPatch(late, 15, t0).expiresAt).toEqual(at(15 * 60))
  })

  test('paused (reconnecting): the minutes add to the frozen remaining time', () => {
    const paused = session({
      status: 'reconnecting',
      startedAt: at(-120),
      expiresAt: at(300),
      pausedAt: at(-30),
    })
    const patch = extendPatch(paused, 30, t0)
    expect(patch.expiresAt).toEqual(at(300 + 30 * 60))
    expect(remainingMs({ ...paused, ...patch }, at(3600))).toBe((330 + 30 * 60) * 1000)
  })

  test('not started yet: only the duration grows; it applies when the session goes live', () => {
    const waiting = session({ status: 'waiting' })
    const patch = extendPatch(waiting, 60, t0)
    expect(patch).toEqual({ durationSeconds: 90 * 60, expiresAt: null, lastWarningMinutes: null })
    expect(goLivePatch({ ...waiting, ...patch }, t0).expiresAt).toEqual(at(90 * 60))
  })
})
