import { formatPrice, type PlanId, plans } from '@/features/catalogue/catalogue'
import type { SessionSummary } from '@/features/sessions/list-sessions'
import { roomPathFor } from '@/features/sessions/room-path'
import type { SessionStatus } from '@/features/sessions/statuses'
import { env } from '@/lib/env'

/** What the active-session card needs, built on the server from the session summary. */
export type ActiveSessionView = {
  id: string
  status: SessionStatus
  planLabel: string
  type: 'chat' | 'video'
  minutes: number
  vehicle: string
  concern: string
  /** The other participant: the mechanic for a customer, the customer for a mechanic. */
  otherName: string | null
  requestedAt: string
  roomPath: string
  paid: string
  /** How long a request may wait before it expires and is refunded. */
  requestTimeoutMinutes: number
}

export function toActiveSessionView(
  session: SessionSummary,
  viewer: 'customer' | 'mechanic',
): ActiveSessionView {
  const plan = plans[session.plan as PlanId]
  return {
    id: session.id,
    status: session.status,
    planLabel: session.planLabel,
    type: session.type,
    minutes: plan.minutes,
    vehicle: session.vehicle,
    concern: session.concern,
    otherName: viewer === 'customer' ? session.mechanicName : session.customerName,
    requestedAt: session.requestedAt,
    roomPath: roomPathFor(session.id, session.type),
    paid: formatPrice(session.paidCents),
    requestTimeoutMinutes: Math.round(env().REQUEST_TIMEOUT_SECONDS / 60),
  }
}
