'use client'

import { useEffect, useRef, useState } from 'react'
import type { ChatMessage } from '@/features/realtime/contract'
import { MessageTime } from './message-time'

/** `failed` holds why a message of ours was not sent, as the server or the connection said. */
export type ListedMessage = ChatMessage & { pending?: boolean; failed?: string }

/**
 * Messages as plain text (React escapes them; line breaks kept by CSS), oldest first. Follows new
 * messages while the reader is at the bottom and leaves them alone while they scroll back.
 */
export function MessageList({
  messages,
  selfId,
  empty,
  onRetry,
  announceNew = false,
}: {
  messages: readonly ListedMessage[]
  selfId: string
  empty: string
  onRetry?: (clientId: string) => void
  /** A live region for new messages; switched on only after the history has been painted. */
  announceNew?: boolean
}) {
  const scroller = useRef<HTMLDivElement>(null)
  const atBottom = useRef(true)
  const [live, setLive] = useState(false)
  useEffect(() => {
    if (!announceNew) return setLive(false)
    const timer = setTimeout(() => setLive(true), 1000)
    return () => clearTimeout(timer)
  }, [announceNew])

  useEffect(() => {
    const element = scroller.current
    const last = messages.at(-1)
    if (!element || !last) return
    if (atBottom.current || last.senderId === selfId) element.scrollTop = element.scrollHeight
  }, [messages, selfId])

  return (
    <div
      ref={scroller}
      onScroll={(event) => {
        const element = event.currentTarget
        atBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight < 80
      }}
      role="log"
      aria-label="Conversation"
      aria-live={live ? 'polite' : 'off'}
      className="min-h-0 flex-1 overflow-y-auto px-3 py-4 sm:px-4"
    >
      {messages.length === 0 ? (
        <p className="py-8 text-center text-sm text-slate-500">{empty}</p>
      ) : (
        <ol aria-label="Messages" className="space-y-3">
          {messages.map((message) => (
            <MessageItem
              key={`${message.senderId}:${message.clientId}`}
              message={message}
              own={message.senderId === selfId}
              onRetry={onRetry}
            />
          ))}
        </ol>
      )}
    </div>
  )
}

function MessageItem({
  message,
  own,
  onRetry,
}: {
  message: ListedMessage
  own: boolean
  onRetry?: (clientId: string) => void
}) {
  return (
    <li
      className={`flex ${own ? 'justify-end' : 'justify-start'}`}
      data-testid="chat-message"
      data-own={own}
    >
      <div
        className={`flex max-w-[85%] flex-col sm:max-w-[75%] ${own ? 'items-end' : 'items-start'}`}
      >
        <p className="mb-1 px-1 text-xs text-slate-500">
          <span className="font-semibold text-slate-700">{own ? 'You' : message.senderName}</span>
          {!message.pending && (
            <>
              {' · '}
              <MessageTime iso={message.createdAt} />
            </>
          )}
        </p>
        <div
          className={`rounded-2xl px-3.5 py-2 ${
            own
              ? 'rounded-br-sm bg-blue-600 text-white'
              : 'rounded-bl-sm border border-slate-200 bg-slate-100 text-slate-900'
          } ${message.failed ? 'opacity-60' : ''}`}
        >
          <p className="whitespace-pre-wrap [overflow-wrap:anywhere]">{message.body}</p>
        </div>
        {message.failed ? (
          <p className="mt-1 px-1 text-xs text-red-700" role="alert">
            Not sent — {message.failed}{' '}
            <button
              type="button"
              onClick={() => onRetry?.(message.clientId)}
              className="rounded px-1 py-0.5 font-semibold underline hover:bg-red-50"
            >
              Retry
            </button>
          </p>
        ) : (
          message.pending && <p className="mt-1 px-1 text-xs text-slate-500">Sending…</p>
        )}
      </div>
    </li>
  )
}
