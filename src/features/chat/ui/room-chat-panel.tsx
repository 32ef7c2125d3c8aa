'use client'

import type { ComponentProps } from 'react'
import { ChatPanel } from './chat-panel'
import { useChat } from './use-chat'

type PanelProps = ComponentProps<typeof ChatPanel>

/** The chat panel of a session room, fed by the room's connection (see `useChat`). */
export function RoomChatPanel({
  self,
  announceNew,
  empty,
  composer,
  attachments,
  footer,
  composerAccessory,
  onPasteFiles,
}: {
  self: { id: string; name: string }
  attachments?: PanelProps['attachments']
  footer?: PanelProps['footer']
  composerAccessory?: PanelProps['composerAccessory']
  onPasteFiles?: PanelProps['onPasteFiles']
  announceNew: boolean
  empty: string
  composer: PanelProps['composer']
}) {
  const chat = useChat(self)
  return (
    <ChatPanel
      messages={chat.messages}
      selfId={self.id}
      announceNew={announceNew}
      typingNames={chat.typing.map((person) => person.name)}
      empty={empty}
      composer={composer}
      onSend={(body) => void chat.send(body)}
      onRetry={(clientId) => void chat.retry(clientId)}
      onTyping={chat.setTyping}
      attachments={attachments}
      footer={footer}
      composerAccessory={composerAccessory}
      onPasteFiles={onPasteFiles}
    />
  )
}
