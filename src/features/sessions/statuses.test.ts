import { describe, expect, expectTypeOf, it } from 'vitest'
import type { EndedStatus, SessionStatus as WireStatus } from '@/features/realtime/contract'
import { isChatOpen, type SessionStatus, sessionStatuses, type terminalStatuses } from './statuses'

describe('session statuses on the wire', () => {
  it('are exactly the statuses a session can be in', () => {
    expectTypeOf<SessionStatus>().toEqualTypeOf<WireStatus>()
  })

  it('end in exactly the terminal statuses', () => {
    expectTypeOf<(typeof terminalStatuses)[number]>().toEqualTypeOf<EndedStatus>()
  })
})

describe('chat', () => {
  it('is open from the waiting room until the session ends, paused included', () => {
    expect(sessionStatuses.filter(isChatOpen)).toEqual(['waiting', 'live', 'reconnecting'])
  })
})
