'use client'

import { useCallback, useEffect, useRef, useState } from 'react'
import { emitWithAck, getSocket, noteMessageSeen } from '@/features/realtime/client/socket'
import { useSocketEvent } from '@/features/realtime/client/use-socket-event'
import type { ChatMessage } from '@/features/realtime/contract'
import { useRoomConnection } from '@/features/sessions/ui/room/room-connection'
import type { ListedMessage } from './message-list'

type OutgoingMessage = ListedMessage

export type RoomChat = {
  messages: OutgoingMessage[]
  typing: { userId: string; name: string }[]
  send: (body: string) => Promise<boolean>
  retry: (clientId: string) => Promise<boolean>
  setTyping: (typing: boolean) => void
}

/**
 * The room's conversation: what was missed while away (from each join), new messages, who is
 * typing, and sending with an optimistic entry that turns into the stored message or a retry.
 */
export function useChat(self: { id: string; name: string }): RoomChat {
  const { sessionId, onJoined } = useRoomConnection()
  const [messages, setMessages] = useState<OutgoingMessage[]>([])
  const [typing, setTypingUsers] = useState<RoomChat['typing']>([])
  const typingTimers = useRef(new Map<string, ReturnType<typeof setTimeout>>())

  const mergeMessages = useCallback(
    (incoming: ChatMessage[]) => {
      if (incoming.length === 0) return
      for (const message of incoming) noteMessageSeen(sessionId, message.seq)
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

  useEffect(() => onJoined((result) => mergeMessages(result.missed)), [onJoined, mergeMessages])

  useSocketEvent('chat:message', (message) => {
    if (message.sessionId === sessionId) mergeMessages([message])
  })

  useSocketEvent('chat:typing', (event) => {
    if (event.sessionId !== sessionId || event.userId === self.id) return
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
            setTypingUsers((current) => current.filter((person) => person.userId !== event.userId)),
          6000,
        ),
      )
    }
  })

  useEffect(() => {
    const timers = typingTimers.current
    return () => {
      for (const timer of timers.values()) clearTimeout(timer)
    }
  }, [])

  const deliver = useCallback(
    async (clientId: string, body: string): Promise<boolean> => {
      const response = await emitWithAck('chat:send', { sessionId, clientId, body })
      if (response.ok) {
        mergeMessages([response.data])
        return true
      }
      setMessages((current) =>
        current.map((message) =>
          message.clientId === clientId && message.pending
            ? { ...message, failed: response.error.message }
            : message,
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
        seq: Number.MAX_SAFE_INTEGER,
        sessionId,
        senderId: self.id,
        senderName: self.name,
        clientId,
        body,
        createdAt: new Date().toISOString(),
        pending: true,
      }
      setMessages((current) => [...current, optimistic])
      return deliver(clientId, body)
    },
    [deliver, sessionId, self.id, self.name],
  )

  const retry = useCallback(
    async (clientId: string) => {
      const message = messages.find(
        (candidate) => candidate.clientId === clientId && candidate.failed,
      )
      if (!message) return false
      setMessages((current) =>
        current.map((candidate) =>
          candidate.clientId === clientId ? { ...candidate, failed: undefined } : candidate,
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

  return { messages, typing, send, retry, setTyping }
}

/** Stored messages in session order; ones still in flight last, as written (stable sort). */
function order(message: OutgoingMessage): number {
  return message.pending ? Number.MAX_SAFE_INTEGER : message.seq
}
