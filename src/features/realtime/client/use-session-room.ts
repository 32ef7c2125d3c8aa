'use client'

import { useCallback, useEffect, useRef, useState } from 'react'
import type {
  ChatMessage,
  JoinResult,
  SessionEndedEvent,
  SessionState,
  SessionWarningEvent,
} from '../events'
import { emitWithAck, getSocket, joinSessionRoom, noteMessageSeen } from './socket'

export type OutgoingMessage = ChatMessage & { pending?: boolean; failed?: boolean }

export type RoomConnection = 'connecting' | 'connected' | 'reconnecting'

export type SessionRoom = {
  state: SessionState | null
  role: JoinResult['role'] | null
  messages: OutgoingMessage[]
  connection: RoomConnection
  error: { code: string; message: string; status?: string } | null
  /** Server clock minus this tab's clock, in ms; countdowns add it to Date.now(). */
  serverOffsetMs: number
  typing: { userId: string; name: string }[]
  ended: SessionEndedEvent | null
  warning: SessionWarningEvent | null
  extended: { minutes: number; at: number } | null
  send: (body: string) => Promise<boolean>
  retry: (clientId: string) => Promise<boolean>
  setTyping: (typing: boolean) => void
}

type ExtendedEvent = { sessionId: string; minutes: number; expiresAt: string; serverNow: string }
type TypingEvent = { sessionId: string; userId: string; name: string; typing: boolean }

/** Everything a room page needs from the server, over the tab's one socket. */
export function useSessionRoom(sessionId: string, selfName: string, selfId: string): SessionRoom {
  const [state, setState] = useState<SessionState | null>(null)
  const [role, setRole] = useState<JoinResult['role'] | null>(null)
  const [messages, setMessages] = useState<OutgoingMessage[]>([])
  const [connection, setConnection] = useState<RoomConnection>('connecting')
  const [error, setError] = useState<SessionRoom['error']>(null)
  const [serverOffsetMs, setServerOffsetMs] = useState(0)
  const [typing, setTypingUsers] = useState<SessionRoom['typing']>([])
  const [ended, setEnded] = useState<SessionEndedEvent | null>(null)
  const [warning, setWarning] = useState<SessionWarningEvent | null>(null)
  const [extended, setExtended] = useState<SessionRoom['extended']>(null)
  const typingTimers = useRef(new Map<string, ReturnType<typeof setTimeout>>())

  const applyState = useCallback((next: SessionState) => {
    setServerOffsetMs(Date.parse(next.serverNow) - Date.now())
    setState(next)
  }, [])

  const mergeMessages = useCallback(
    (incoming: ChatMessage[]) => {
      if (incoming.length === 0) return
      for (const message of incoming) noteMessageSeen(sessionId, message.id)
      setMessages((current) => {
        const byClientId = new Map(
          current.map((message) => [`${message.senderId}:${message.clientId}`, message]),
        )
        for (const message of incoming)
          byClientId.set(`${message.senderId}:${message.clientId}`, message)
        return [...byClientId.values()].sort((a, b) => order(a) - order(b))
      })
    },
    [sessionId],
  )

  useEffect(() => {
    const socket = getSocket()
    const onState = (next: SessionState) => next.sessionId === sessionId && applyState(next)
    const onMessage = (message: ChatMessage) =>
      message.sessionId === sessionId && mergeMessages([message])
    const onEnded = (event: SessionEndedEvent) => event.sessionId === sessionId && setEnded(event)
    const onWarning = (event: SessionWarningEvent) =>
      event.sessionId === sessionId && setWarning(event)
    const onExtended = (event: ExtendedEvent) => {
      if (event.sessionId !== sessionId) return
      setServerOffsetMs(Date.parse(event.serverNow) - Date.now())
      setState((current) => (current ? { ...current, expiresAt: event.expiresAt } : current))
      setWarning(null)
      setExtended({ minutes: event.minutes, at: Date.now() })
    }
    const onTyping = (event: TypingEvent) => {
      if (event.sessionId !== sessionId || event.userId === selfId) return
      const timers = typingTimers.current
      clearTimeout(timers.get(event.userId))
      setTypingUsers((current) => [
        ...current.filter((person) => person.userId !== event.userId),
        ...(event.typing ? [{ userId: event.userId, name: event.name }] : []),
      ])
      // A lost "stopped typing" must not leave the indicator on forever.
      if (event.typing) {
        timers.set(
          event.userId,
          setTimeout(
            () =>
              setTypingUsers((current) =>
                current.filter((person) => person.userId !== event.userId),
              ),
            6000,
          ),
        )
      }
    }
    const onDisconnect = () => setConnection('reconnecting')

    socket.on('session:state', onState)
    socket.on('chat:message', onMessage)
    socket.on('session:ended', onEnded)
    socket.on('session:warning', onWarning)
    socket.on('session:extended', onExtended)
    socket.on('chat:typing', onTyping)
    socket.on('disconnect', onDisconnect)
    const leave = joinSessionRoom(sessionId, {
      onJoined: (result) => {
        setError(null)
        setRole(result.role)
        applyState(result.state)
        mergeMessages(result.missed)
        setConnection('connected')
      },
      onError: (joinError) => {
        setError(joinError)
        setConnection('connected')
      },
    })
    return () => {
      leave()
      socket.off('session:state', onState)
      socket.off('chat:message', onMessage)
      socket.off('session:ended', onEnded)
      socket.off('session:warning', onWarning)
      socket.off('session:extended', onExtended)
      socket.off('chat:typing', onTyping)
      socket.off('disconnect', onDisconnect)
      for (const timer of typingTimers.current.values()) clearTimeout(timer)
    }
  }, [sessionId, selfId, applyState, mergeMessages])

  const deliver = useCallback(
    async (clientId: string, body: string): Promise<boolean> => {
      const response = await emitWithAck<ChatMessage>('chat:send', { sessionId, clientId, body })
      if (response.ok) {
        mergeMessages([response.data])
        return true
      }
      setMessages((current) =>
        current.map((message) =>
          message.clientId === clientId && message.pending ? { ...message, failed: true } : message,
        ),
      )
      return false
    },
    [sessionId, mergeMessages],
  )

  const send = useCallback(
    async (body: string) => {
      const clientId = crypto.randomUUID()
      const optimistic: OutgoingMessage = {
        id: Number.MAX_SAFE_INTEGER,
        sessionId,
        senderId: selfId,
        senderName: selfName,
        clientId,
        body,
        createdAt: new Date().toISOString(),
        pending: true,
      }
      setMessages((current) => [...current, optimistic])
      return deliver(clientId, body)
    },
    [deliver, sessionId, selfId, selfName],
  )

  const retry = useCallback(
    async (clientId: string) => {
      const message = messages.find(
        (candidate) => candidate.clientId === clientId && candidate.failed,
      )
      if (!message) return false
      setMessages((current) =>
        current.map((candidate) =>
          candidate.clientId === clientId ? { ...candidate, failed: false } : candidate,
        ),
      )
      return deliver(clientId, message.body)
    },
    [messages, deliver],
  )

  const setTyping = useCallback(
    (isTyping: boolean) => getSocket().emit('chat:typing', { sessionId, typing: isTyping }),
    [sessionId],
  )

  return {
    state,
    role,
    messages,
    connection,
    error,
    serverOffsetMs,
    typing,
    ended,
    warning,
    extended,
    send,
    retry,
    setTyping,
  }
}

/** Stored messages by id; ones still in flight last, in the order they were written (stable sort). */
function order(message: OutgoingMessage): number {
  return message.pending ? Number.MAX_SAFE_INTEGER : message.id
}
