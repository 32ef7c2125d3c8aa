import { filesListPayloadSchema } from '@/features/realtime/contract'
import { withAck } from '@/features/realtime/socket-ack'
import type { RegisterSocketHandlers } from '@/features/realtime/socket-handlers'
import { listSessionFiles } from './list-session-files'
import { maxUploadBytes } from './receive-upload'

/** Files' events on the socket: the room asks for the list on every join and reconnect. */
export const registerFilesSocketHandlers: RegisterSocketHandlers = ({ socket, user, env }) => {
  socket.on('files:list', (payload, ack) =>
    withAck(ack, async () => ({
      files: await listSessionFiles(user, filesListPayloadSchema.parse(payload).sessionId),
      maxBytes: maxUploadBytes(env),
    })),
  )
}
