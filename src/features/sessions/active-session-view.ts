import { formatPrice } from '@/features/catalogue/catalogue'
import type { SessionSummary } from '@/features/sessions/list-sessions'
import { roomPathFor } from '@/features/sessions/room-path'
import type { SessionStatus } from '@/features/sessions/statuses'
import { durationInWords, shortDuration } from '@/lib/durations'
import { env } from '@/lib/env'

/** What the active-session card needs, built on the server from the session summary. */
export type ActiveSessionView = {
  id: string
  status: SessionStatus
  planLabel: string
  type: 'chat' | 'video'
  /** How long the clock runs ("30 min"): the session's own paid time, not the plan's list length. */
  length: string
  vehicle: string
  concern: string
  /** The other participant: the mechanic for a customer, the customer for a mechanic. */
  otherName: string | null
  requestedAt: string
  roomPath: string
  paid: string
  /** How long a request may wait before it expires and is refunded ("15 minutes"). */
  requestTimeout: string
  /** Who is in the room now, for a session whose room is open; null when that is not asked. */
  inRoom: RoomPresence | null
}

/** A room people may be in or out of without the status saying which: ask who is there. */
export function roomIsOpen(status: SessionStatus): boolean {
  return status === 'waiting' || status === 'reconnecting'
}

/** Who of the two participants has the room open, as the viewer reads it. */
export type RoomPresence = { viewer: boolean; other: boolean }

export function toActiveSessionView(
  session: SessionSummary,
  viewer: 'customer' | 'mechanic',
  inRoom: RoomPresence | null = null,
): ActiveSessionView {
  return {
    id: session.id,
    status: session.status,
    planLabel: session.planLabel,
    type: session.type,
    length: shortDuration(session.durationSeconds),
    vehicle: session.vehicle,
    concern: session.concern,
    otherName: viewer === 'customer' ? session.mechanicName : session.customerName,
    requestedAt: session.requestedAt,
    roomPath: roomPathFor(session.id, session.type),
    paid: formatPrice(session.paidCents),
    requestTimeout: durationInWords(env().REQUEST_TIMEOUT_SECONDS),
    inRoom,
  }
}
