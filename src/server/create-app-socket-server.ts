import type { Server as HttpServer } from 'node:http'
import type pg from 'pg'
import { registerChatSocketHandlers } from '@/features/chat/register-chat-socket-handlers'
import { registerFilesSocketHandlers } from '@/features/files/register-files-socket-handlers'
import type { RegisterSocketHandlers } from '@/features/realtime/socket-handlers'
import { createSocketServer, type SocketServer } from '@/features/realtime/socket-server'
import { registerSessionSocketHandlers } from '@/features/sessions/register-session-socket-handlers'
import { registerVideoSocketHandlers } from '@/features/video/register-video-socket-handlers'
import type { ServerEnv } from '@/lib/env'

/**
 * Every feature that answers client events on the socket. The transport knows none of them; a new
 * feature's events (video signaling, files) are registered by adding its function here.
 */
const socketHandlers: readonly RegisterSocketHandlers[] = [
  registerSessionSocketHandlers,
  registerChatSocketHandlers,
  registerFilesSocketHandlers,
  registerVideoSocketHandlers,
]

/** The app's Socket.IO server: the transport with every feature's handlers. */
export function createAppSocketServer(
  httpServer: HttpServer,
  options: { env: ServerEnv; pool?: pg.Pool },
): SocketServer {
  return createSocketServer(httpServer, { ...options, handlers: socketHandlers })
}
