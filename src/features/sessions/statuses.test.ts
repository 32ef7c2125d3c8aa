import { describe, expectTypeOf, it } from 'vitest'
import type { EndedStatus, SessionStatus as WireStatus } from '@/features/realtime/contract'
import type { SessionStatus, terminalStatuses } from './statuses'

describe('session statuses on the wire', () => {
  it('are exactly the statuses a session can be in', () => {
    expectTypeOf<SessionStatus>().toEqualTypeOf<WireStatus>()
  })

  it('end in exactly the terminal statuses', () => {
    expectTypeOf<(typeof terminalStatuses)[number]>().toEqualTypeOf<EndedStatus>()
  })
})
