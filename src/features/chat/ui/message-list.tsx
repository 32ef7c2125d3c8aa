'use client'

import { type ReactNode, useEffect, useRef, useState } from 'react'
import type { ChatMessage } from '@/features/realtime/contract'
import { MessageBody } from './message-body'
import { MessageTime } from './message-time'

/** `failed` holds why a message of ours was not sent, as the server or the connection said. */
export type ListedMessage = ChatMessage & { pending?: boolean; failed?: string }

/** Something else said in the conversation (a shared file), placed among messages by time. */
export type ListedAttachment = {
  key: string
  createdAt: string
  senderId: string
  senderName: string
  node: ReactNode
}

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
  attachments = [],
}: {
  messages: readonly ListedMessage[]
  attachments?: readonly ListedAttachment[]
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
    const last = [messages.at(-1), attachments.at(-1)]
      .filter((item) => item !== undefined)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .at(-1)
    if (!element || !last) return
    if (atBottom.current || last.senderId === selfId) element.scrollTop = element.scrollHeight
  }, [messages, attachments, selfId])

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
      {messages.length === 0 && attachments.length === 0 ? (
        <p className="py-8 text-center text-sm text-slate-500">{empty}</p>
      ) : (
        <ol aria-label="Messages" className="space-y-3">
          {inTimeOrder(messages, attachments).map((entry) =>
            'node' in entry ? (
              <AttachmentItem key={entry.key} item={entry} own={entry.senderId === selfId} />
            ) : (
              <MessageItem
                key={`${entry.senderId}:${entry.clientId}`}
                message={entry}
                own={entry.senderId === selfId}
                onRetry={onRetry}
              />
            ),
          )}
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
          <MessageBody body={message.body} own={own} />
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

/** Messages keep their own order; attachments go in by time, before any message still sending. */
function inTimeOrder(
  messages: readonly ListedMessage[],
  attachments: readonly ListedAttachment[],
): (ListedMessage | ListedAttachment)[] {
  if (attachments.length === 0) return [...messages]
  const merged: (ListedMessage | ListedAttachment)[] = []
  let next = 0
  for (const message of messages) {
    while (
      next < attachments.length &&
      (message.pending || (attachments[next]?.createdAt ?? '') <= message.createdAt)
    ) {
      merged.push(attachments[next] as ListedAttachment)
      next += 1
    }
    merged.push(message)
  }
  return [...merged, ...attachments.slice(next)]
}

function AttachmentItem({ item, own }: { item: ListedAttachment; own: boolean }) {
  return (
    <li
      className={`flex ${own ? 'justify-end' : 'justify-start'}`}
      data-testid="shared-file"
      data-own={own}
    >
      <div className={`flex max-w-[85%] flex-col ${own ? 'items-end' : 'items-start'}`}>
        <p className="mb-1 px-1 text-xs text-slate-500">
          <span className="font-semibold text-slate-700">{own ? 'You' : item.senderName}</span>
          {' · '}
          <MessageTime iso={item.createdAt} />
        </p>
        {item.node}
      </div>
    </li>
  )
}
