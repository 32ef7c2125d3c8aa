import type { SessionRole } from '@/features/sessions/get-session-access'

/**
 * Where a room sends its viewer once the session is over: participants to their dashboard, which
 * reads `ended` to say what happened; admins to the session's own page.
 */
export function endedPathFor(role: SessionRole, sessionId: string): string {
  switch (role) {
    case 'customer':
      return `/customer?ended=${sessionId}`
    case 'mechanic':
      return `/mechanic?ended=${sessionId}`
    case 'admin':
      return `/sessions/${sessionId}`
  }
}

/** Where a room sends its viewer when there is no room yet (no mechanic has accepted). */
export function notStartedPathFor(role: SessionRole, sessionId: string): string {
  switch (role) {
    case 'customer':
      return '/customer'
    case 'mechanic':
      return '/mechanic'
    case 'admin':
      return `/sessions/${sessionId}`
  }
}
