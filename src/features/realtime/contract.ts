/**
 * The realtime contract: every event that travels over the socket, in both directions, with its
 * payload. The server (`Server<ClientToServerEvents, ServerToClientEvents>`), the browser
 * (`Socket<ServerToClientEvents, ClientToServerEvents>`) and the typed publisher compile against
 * these maps, so a name or a payload cannot drift between the two ends.
 *
 * What clients send is untrusted: each client event has a zod schema here, and its handler parses
 * the payload with it. A new event is one line in a map and one in its list of names below (plus
 * its schema if clients send it).
 *
 * This module imports no feature: the wire types are written here, and the features that build
 * them import them from here.
 */
import { z } from 'zod'
import { storableText, userText } from '@/lib/user-text'

/** Every status a client can see. Sessions' `sessionStatuses` is checked against this list. */
export type SessionStatus =
  | 'pending'
  | 'accepted'
  | 'waiting'
  | 'live'
  | 'reconnecting'
  | 'completed'
  | 'cancelled'
  | 'expired'

/** The statuses a session ends in; `session:ended` carries one of these. */
export type EndedStatus = Extract<SessionStatus, 'completed' | 'cancelled' | 'expired'>

export type SessionRole = 'customer' | 'mechanic' | 'admin'

export type Participant = { id: string; name: string; present: boolean }

/** Full snapshot, sent on every (re)join and after every change. */
export type SessionState = {
  sessionId: string
  status: SessionStatus
  plan: string
  type: 'chat' | 'video'
  customer: Participant
  mechanic: Participant | null
  /** Paid time, extensions included. */
  durationSeconds: number
  startedAt: string | null
  /** The server's deadline; null until the session first goes live. */
  expiresAt: string | null
  /** Set while reconnecting. */
  pausedAt: string | null
  endedAt: string | null
  endReason: string | null
  /** Frozen while paused, 0 once ended. */
  remainingMs: number
  /** offset = serverNow - local time on receipt. */
  serverNow: string
  /** The `seq` of the session's newest message, 0 before the first. */
  lastMessageSeq: number
}

export type ChatMessage = {
  /** Unique across sessions; taken at insert, so ids do not commit in order. */
  id: number
  /**
   * 1, 2, 3… within the session, in commit order: pass the highest `seq` below which every
   * message has been seen as `lastMessageSeq` when rejoining.
   */
  seq: number
  sessionId: string
  senderId: string
  senderName: string
  clientId: string
  body: string
  createdAt: string
}

export type SessionEndedEvent = {
  sessionId: string
  status: EndedStatus
  reason: string | null
  endedAt: string | null
}

export type WarningMinutes = 5 | 1

export type SessionWarningEvent = {
  sessionId: string
  minutesLeft: WarningMinutes
  expiresAt: string
  serverNow: string
}

/** To participants' and admins' pages (`session:updated`) and to the mechanics' queue (`queue:updated`). */
export type SessionUpdatedEvent = { sessionId: string; status: SessionStatus }

/** The signed-in user's own account changed (a mechanic was approved): their pages re-render. */
export type AccountUpdatedEvent = { reason: 'mechanic_approved' }

export type PresenceEvent = { sessionId: string; userId: string; present: boolean }

/** Whether support (an admin) is watching the room: sent when the first arrives and the last leaves. */
export type WatchedEvent = { sessionId: string; watched: boolean }

export type TypingEvent = { sessionId: string; userId: string; name: string; typing: boolean }

export type ExtensionPendingEvent = { sessionId: string; minutes: number }

export type ExtensionCancelledEvent = { sessionId: string }

export type SessionExtendedEvent = {
  sessionId: string
  minutes: number
  /** Null when the session had not gone live yet: the longer duration applies when it does. */
  expiresAt: string | null
  serverNow: string
}

/** A file shared in a session. Its bytes are fetched from `/api/files/{id}` (a fresh signed URL). */
export type SharedFile = {
  id: string
  sessionId: string
  uploaderId: string
  uploaderName: string
  /** Sanitised; show it as text. */
  name: string
  kind: 'image' | 'pdf' | 'text' | 'video' | 'audio'
  contentType: string
  sizeBytes: number
  /** Images have a small preview at `/api/files/{id}?variant=thumbnail`. */
  hasThumbnail: boolean
  width: number | null
  height: number | null
  createdAt: string
}

/** The answer to `files:list`: the session's files, oldest first, and the size limit. */
export type FilesList = { files: SharedFile[]; maxBytes: number }

/** How a participant's side of a call looks: told to the other participant and to admins watching. */
export type CallQuality = 'good' | 'weak' | 'poor' | 'unknown'

export type RtcStateEvent = {
  sessionId: string
  userId: string
  camera: boolean
  mic: boolean
  quality: CallQuality
  connected: boolean
}

/** A WebRTC offer/answer or ICE candidate, relayed as-is to the other participant only. */
export type RtcSignalEvent = {
  sessionId: string
  fromUserId: string
  description?: { type: 'offer' | 'answer' | 'pranswer' | 'rollback'; sdp?: string }
  candidate?: {
    candidate: string
    sdpMid?: string | null
    sdpMLineIndex?: number | null
    usernameFragment?: string | null
  } | null
}

/** The other participant joined the call: both sides start a fresh negotiation. */
export type RtcPeerJoinedEvent = { sessionId: string; userId: string }

/** The answer to `rtc:join`: the caller's role decides who is the polite peer. */
export type RtcJoinResult = {
  role: 'customer' | 'mechanic'
  /** Whether the other participant's call page was already in the call: then it starts over too. */
  peerPresent: boolean
}

/** The answer to `live:version`: compared with the version a live page was rendered at. */
export type LiveVersion = { version: number }

export type JoinResult = {
  state: SessionState
  /** Messages with `seq` after `lastMessageSeq` (up to 1000): what a reconnecting client lost. */
  missed: ChatMessage[]
  role: SessionRole
  /** An admin is watching the room at the time of joining; `session:watched` follows changes. */
  watched: boolean
}

export type AckError = { code: string; message: string; status?: string } & Record<string, unknown>

/** Every acknowledgement has this shape. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: AckError }

type AckCallback<T> = (response: Ack<T>) => void

// What clients send. Each handler parses its payload with the schema before anything else.

export const MAX_MESSAGE_LENGTH = 4000

export const joinPayloadSchema = z.object({
  sessionId: z.uuid(),
  lastMessageSeq: z.number().int().min(0).optional(),
})

export const leavePayloadSchema = z.object({ sessionId: z.uuid() })

export const chatSendPayloadSchema = z.object({
  sessionId: z.uuid(),
  clientId: storableText().min(1).max(64),
  body: userText()
    .min(1, 'Type a message first')
    .max(
      MAX_MESSAGE_LENGTH,
      `Keep messages under ${MAX_MESSAGE_LENGTH.toLocaleString('en-US')} characters`,
    ),
})

export const chatTypingPayloadSchema = z.object({ sessionId: z.uuid(), typing: z.boolean() })

export const filesListPayloadSchema = z.object({ sessionId: z.uuid() })

const sdpTypes = z.enum(['offer', 'answer', 'pranswer', 'rollback'])

export const rtcJoinPayloadSchema = z.object({ sessionId: z.uuid() })

export const rtcSignalPayloadSchema = z
  .object({
    sessionId: z.uuid(),
    description: z.object({ type: sdpTypes, sdp: z.string().max(200_000).optional() }).optional(),
    candidate: z
      .object({
        candidate: z.string().max(2_000),
        sdpMid: z.string().max(64).nullish(),
        sdpMLineIndex: z.number().int().min(0).max(1_000).nullish(),
        usernameFragment: z.string().max(256).nullish(),
      })
      .nullish(),
  })
  .refine((signal) => (signal.description === undefined) !== (signal.candidate === undefined), {
    message: 'Send a description or a candidate',
  })

export const rtcStatePayloadSchema = z.object({
  sessionId: z.uuid(),
  camera: z.boolean(),
  mic: z.boolean(),
  quality: z.enum(['good', 'weak', 'poor', 'unknown']),
  connected: z.boolean(),
})

/**
 * What a live page shows: the sessions the user takes part in (customer and mechanic dashboards),
 * every session (the admin overview), or one session (its page).
 */
export const liveScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('mine') }),
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('session'), sessionId: z.string() }),
])

export type JoinPayload = z.input<typeof joinPayloadSchema>
export type LeavePayload = z.input<typeof leavePayloadSchema>
export type ChatSendPayload = z.input<typeof chatSendPayloadSchema>
export type ChatSendInput = z.output<typeof chatSendPayloadSchema>
export type ChatTypingPayload = z.input<typeof chatTypingPayloadSchema>
export type LiveScope = z.infer<typeof liveScopeSchema>
export type FilesListPayload = z.input<typeof filesListPayloadSchema>
export type RtcJoinPayload = z.input<typeof rtcJoinPayloadSchema>
export type RtcSignalPayload = z.input<typeof rtcSignalPayloadSchema>
export type RtcStatePayload = z.input<typeof rtcStatePayloadSchema>

/** Browser → server. An event with an acknowledgement answers `Ack<T>`. */
export type ClientToServerEvents = {
  'session:join': (payload: JoinPayload, ack: AckCallback<JoinResult>) => void
  /** The browser leaves without waiting for the answer. */
  'session:leave': (payload: LeavePayload, ack?: AckCallback<{ left: string }>) => void
  'chat:send': (payload: ChatSendPayload, ack: AckCallback<ChatMessage>) => void
  'chat:typing': (payload: ChatTypingPayload) => void
  'live:version': (payload: LiveScope, ack: AckCallback<LiveVersion>) => void
  /** The session's files, oldest first: asked on every (re)join, so none shared meanwhile is missed. */
  'files:list': (payload: FilesListPayload, ack: AckCallback<FilesList>) => void
  /** A participant's page enters the call of a session it has joined (live, waiting or reconnecting). */
  'rtc:join': (payload: RtcJoinPayload, ack: AckCallback<RtcJoinResult>) => void
  /** Offer, answer or ICE candidate for the other participant; dropped unless live or reconnecting. */
  'rtc:signal': (payload: RtcSignalPayload) => void
  /** Camera, microphone, connection and quality of the sender's side. */
  'rtc:state': (payload: RtcStatePayload) => void
}

/** Server → browser. Sent only through the typed publisher. */
export type ServerToClientEvents = {
  'session:state': (state: SessionState) => void
  'session:ended': (event: SessionEndedEvent) => void
  'session:warning': (event: SessionWarningEvent) => void
  'session:updated': (event: SessionUpdatedEvent) => void
  'queue:updated': (event: SessionUpdatedEvent) => void
  'account:updated': (event: AccountUpdatedEvent) => void
  presence: (event: PresenceEvent) => void
  'session:watched': (event: WatchedEvent) => void
  'chat:message': (message: ChatMessage) => void
  'chat:typing': (event: TypingEvent) => void
  'extension:pending': (event: ExtensionPendingEvent) => void
  'extension:cancelled': (event: ExtensionCancelledEvent) => void
  'session:extended': (event: SessionExtendedEvent) => void
  'file:added': (file: SharedFile) => void
  'rtc:peer-joined': (event: RtcPeerJoinedEvent) => void
  'rtc:signal': (event: RtcSignalEvent) => void
  'rtc:state': (event: RtcStateEvent) => void
}

export type ServerEvent = keyof ServerToClientEvents
export type ClientEvent = keyof ClientToServerEvents

/**
 * The event names as values, for code and tests that need them at run time (the API docs test).
 * `satisfies` keeps them equal to the maps above: a missing or unknown name fails the type check.
 */
const clientEvents = {
  'session:join': true,
  'session:leave': true,
  'chat:send': true,
  'chat:typing': true,
  'live:version': true,
  'files:list': true,
  'rtc:join': true,
  'rtc:signal': true,
  'rtc:state': true,
} as const satisfies Record<ClientEvent, true>

const serverEvents = {
  'session:state': true,
  'session:ended': true,
  'session:warning': true,
  'session:updated': true,
  'queue:updated': true,
  'account:updated': true,
  presence: true,
  'session:watched': true,
  'chat:message': true,
  'chat:typing': true,
  'extension:pending': true,
  'extension:cancelled': true,
  'session:extended': true,
  'file:added': true,
  'rtc:peer-joined': true,
  'rtc:signal': true,
  'rtc:state': true,
} as const satisfies Record<ServerEvent, true>

export const clientEventNames: readonly ClientEvent[] = Object.keys(clientEvents) as ClientEvent[]
export const serverEventNames: readonly ServerEvent[] = Object.keys(serverEvents) as ServerEvent[]

/** The one payload of a server event. */
export type PayloadOf<E extends ServerEvent> = Parameters<ServerToClientEvents[E]>[0]
