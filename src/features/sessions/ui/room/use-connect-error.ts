'use client'

import { useState } from 'react'
import { useSocketConnectError, useSocketStatus } from '@/features/realtime/client/use-socket-event'

/**
 * Why the tab's socket cannot connect, if it cannot. The server refuses a handshake without a
 * valid sign-in, and Socket.IO does not retry that on its own, so the room must say so.
 */
export function useConnectError(): { message: string; signedOut: boolean } | null {
  const [error, setError] = useState<{ message: string; signedOut: boolean } | null>(null)
  useSocketConnectError((failure) => {
    const signedOut = failure.message === 'unauthenticated'
    setError({
      signedOut,
      message: signedOut
        ? 'You are signed out. Sign in again to rejoin the session.'
        : 'Cannot reach AutoDoctor right now. Retrying…',
    })
  })
  useSocketStatus((connected) => {
    if (connected) setError(null)
  })
  return error
}
