'use client'

import { Eye } from 'lucide-react'
import type { ReactNode } from 'react'
import { MessageComposer } from './message-composer'
import type { ListedAttachment, ListedMessage } from './message-list'
import { MessageList } from './message-list'
import { TypingIndicator } from './typing-indicator'
import { useTypingSignal } from './use-typing-signal'

/**
 * The conversation of one room: history, who is typing, and the composer (or, for someone only
 * watching, a note saying so instead).
 */
export function ChatPanel({
  messages,
  selfId,
  announceNew,
  typingNames,
  empty,
  composer,
  onSend,
  onRetry,
  onTyping,
  attachments,
  footer,
  composerAccessory,
  onPasteFiles,
}: {
  messages: readonly ListedMessage[]
  /** Shared files, shown among the messages by time. */
  attachments?: readonly ListedAttachment[]
  /** Shown above the composer (uploads in progress). */
  footer?: ReactNode
  /** Beside the message box (the Attach button). */
  composerAccessory?: ReactNode
  onPasteFiles?: (files: File[]) => void
  selfId: string
  /** Read out messages that arrive from now on (not the history loaded on joining). */
  announceNew: boolean
  typingNames: readonly string[]
  empty: string
  /** `watching` hides the composer; otherwise null to write, or why writing is not possible. */
  composer: { mode: 'watching'; note: ReactNode } | { mode: 'write'; disabledReason: string | null }
  onSend: (body: string) => void
  onRetry: (clientId: string) => void
  onTyping: (typing: boolean) => void
}) {
  const typing = useTypingSignal(onTyping)
  return (
    <section
      aria-label="Chat"
      className="flex min-h-0 flex-1 flex-col overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm"
    >
      <h2 className="sr-only">Chat</h2>
      <MessageList
        messages={messages}
        selfId={selfId}
        empty={empty}
        onRetry={onRetry}
        announceNew={announceNew}
        attachments={attachments}
      />
      <TypingIndicator names={typingNames} />
      {footer}
      {composer.mode === 'watching' ? (
        <p className="flex items-center gap-2 border-t border-slate-200 bg-slate-50 px-4 py-3 text-sm text-slate-700">
          <Eye aria-hidden className="size-4 shrink-0" />
          {composer.note}
        </p>
      ) : (
        <MessageComposer
          onSend={onSend}
          onTyping={typing.touch}
          onStopTyping={typing.stop}
          disabledReason={composer.disabledReason}
          accessory={composerAccessory}
          onPasteFiles={onPasteFiles}
        />
      )}
    </section>
  )
}
