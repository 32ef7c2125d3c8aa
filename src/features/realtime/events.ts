/**
 * What travels over the socket, shared by server and browser. Room names: `session:{id}` per
 * session, `user:{id}` per person, `queue:mechanics` for approved mechanics, `admins`.
 */
import type { SessionStatus } from '@/features/sessions/statuses'

export type Participant = { id: string; name: string; present: boolean }

/** Full snapshot, sent on every (re)join and after every change. */
export type SessionState = {
  sessionId: string
  status: SessionStatus
  plan: string
  type: 'chat' | 'video'
  customer: Participant
  mechanic: Participant | null
  durationSeconds: number
  startedAt: string | null
  expiresAt: string | null
  pausedAt: string | null
  endedAt: string | null
  endReason: string | null
  remainingMs: number
  serverNow: string
  lastMessageId: number
}

export type ChatMessage = {
  id: number
  sessionId: string
  senderId: string
  senderName: string
  clientId: string
  body: string
  createdAt: string
}

export type SessionEndedEvent = {
  sessionId: string
  status: SessionStatus
  reason: string | null
  endedAt: string | null
}

export type SessionWarningEvent = {
  sessionId: string
  minutesLeft: number
  expiresAt: string | undefined
  serverNow: string
}

/** To participants' and admins' pages (`session:updated`) and to the mechanics' queue (`queue:updated`). */
export type SessionUpdatedEvent = { sessionId: string; status: SessionStatus }

/** The answer to `live:version`: compared with the version a live page was rendered at. */
export type LiveVersion = { version: number }

/** Every acknowledgement has this shape. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } }

export type JoinResult = {
  state: SessionState
  missed: ChatMessage[]
  role: 'customer' | 'mechanic' | 'admin'
}

export const roomOf = {
  session: (sessionId: string) => `session:${sessionId}`,
  user: (userId: string) => `user:${userId}`,
  mechanicsQueue: 'queue:mechanics',
  admins: 'admins',
} as const
