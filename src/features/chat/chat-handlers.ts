import type { Socket } from 'socket.io'
import { z } from 'zod'
import type { SessionUser } from '@/features/auth/session-user'
import { roomOf } from '@/features/realtime/events'
import { withAck } from '@/features/realtime/socket-ack'
import { sendMessageSchema } from './schemas'
import { sendMessage } from './send-message'

const typingSchema = z.object({ sessionId: z.uuid(), typing: z.boolean() })

export function registerChatHandlers(socket: Socket): void {
  const user = socket.data.user as SessionUser

  socket.on('chat:send', (payload: unknown, ack: unknown) =>
    withAck(ack, () => sendMessage(user, sendMessageSchema.parse(payload))),
  )

  // Only someone already in the room (joined as a participant) can show as typing there.
  socket.on('chat:typing', (payload: unknown) => {
    const parsed = typingSchema.safeParse(payload)
    if (!parsed.success) return
    const room = roomOf.session(parsed.data.sessionId)
    if (!socket.rooms.has(room) || user.role === 'admin') return
    socket.to(room).emit('chat:typing', {
      sessionId: parsed.data.sessionId,
      userId: user.id,
      name: user.name,
      typing: parsed.data.typing,
    })
  })
}
