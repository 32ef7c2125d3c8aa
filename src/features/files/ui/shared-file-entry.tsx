import type { ListedAttachment } from '@/features/chat/ui/message-list'
import type { SharedFile } from '@/features/realtime/contract'
import { SharedFileCard } from './shared-file-card'

/** A shared file as an entry of the conversation, beside the messages. */
export function sharedFileEntry(file: SharedFile): ListedAttachment {
  return {
    key: `file:${file.id}`,
    createdAt: file.createdAt,
    senderId: file.uploaderId,
    senderName: file.uploaderName,
    node: <SharedFileCard file={file} />,
  }
}
