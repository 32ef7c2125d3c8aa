import { chatSendPayloadSchema, chatTypingPayloadSchema } from '@/features/realtime/contract'
import { publish } from '@/features/realtime/publish'
import { isInSessionRoom } from '@/features/realtime/rooms'
import { withAck } from '@/features/realtime/socket-ack'
import type { RegisterSocketHandlers } from '@/features/realtime/socket-handlers'
import { sendMessage } from './send-message'

/** Chat's events on the socket: sending a message and the typing signal. */
export const registerChatSocketHandlers: RegisterSocketHandlers = ({ socket, user }) => {
  socket.on('chat:send', (payload, ack) =>
    withAck(ack, () => sendMessage(user, chatSendPayloadSchema.parse(payload))),
  )

  // Only someone already in the room (joined as a participant) can show as typing there.
  socket.on('chat:typing', (payload) => {
    const parsed = chatTypingPayloadSchema.safeParse(payload)
    if (!parsed.success) return
    const { sessionId, typing } = parsed.data
    if (!isInSessionRoom(socket, sessionId) || user.role === 'admin') return
    publish({ sessions: [sessionId], exceptSocketId: socket.id }, 'chat:typing', {
      sessionId,
      userId: user.id,
      name: user.name,
      typing,
    })
  })
}
