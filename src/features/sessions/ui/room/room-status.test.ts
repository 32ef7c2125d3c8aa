import { describe, expect, it } from 'vitest'
import type { Participant, SessionState } from '@/features/realtime/contract'
import { describeRoom } from './room-status'

const customer = { id: 'c1', name: 'Casey', present: true }
const mechanic = { id: 'm1', name: 'Morgan', present: false }

function state(overrides: Partial<SessionState>): SessionState {
  return {
    sessionId: 's1',
    status: 'waiting',
    plan: 'chat',
    type: 'chat',
    customer,
    mechanic,
    durationSeconds: 1800,
    startedAt: null,
    expiresAt: null,
    pausedAt: null,
    endedAt: null,
    endReason: null,
    remainingMs: 1_800_000,
    serverNow: '2026-01-01T00:00:00.000Z',
    lastMessageSeq: 0,
    ...overrides,
  }
}

const fromSnapshot = (person: Participant) => person.present

describe('describeRoom', () => {
  it('says it is connecting before the first snapshot', () => {
    expect(describeRoom(null, 'c1', fromSnapshot)).toEqual({ text: 'Connecting…', tone: 'muted' })
  })

  it('names who the viewer is waiting for', () => {
    expect(describeRoom(state({}), 'c1', fromSnapshot).text).toBe('Waiting for Morgan to join…')
    const nobody = state({ customer: { ...customer, present: false } })
    expect(describeRoom(nobody, 'admin', fromSnapshot).text).toBe(
      'Waiting for Casey and Morgan to join…',
    )
  })

  it('is live, or paused naming who dropped', () => {
    expect(describeRoom(state({ status: 'live' }), 'c1', fromSnapshot)).toEqual({
      text: 'Live',
      tone: 'live',
    })
    expect(describeRoom(state({ status: 'reconnecting' }), 'c1', fromSnapshot)).toEqual({
      text: 'Morgan lost connection — clock paused',
      tone: 'warning',
    })
    const selfDropped = state({
      status: 'reconnecting',
      customer: { ...customer, present: false },
      mechanic: { ...mechanic, present: true },
    })
    expect(describeRoom(selfDropped, 'c1', fromSnapshot).text).toBe('Reconnecting — clock paused')
  })

  it('uses live presence over the snapshot', () => {
    expect(describeRoom(state({}), 'c1', () => true).text).toBe('Starting…')
  })

  it('says when the session is over', () => {
    expect(describeRoom(state({ status: 'completed' }), 'c1', fromSnapshot).tone).toBe('ended')
  })
})
