import type { SessionType } from '@/features/catalogue/catalogue'

/** The room page a session is held in, by its type. */
export function roomPathFor(sessionId: string, type: SessionType): string {
  return type === 'chat' ? `/chat/${sessionId}` : `/video/${sessionId}`
}
