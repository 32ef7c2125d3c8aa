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
}: {
  self: { id: string; name: string }
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
    />
  )
}
