'use client'

import { useRouter } from 'next/navigation'
import { EndSessionButton } from '../room/end-session-button'

export function EndSessionForAdmin({ sessionId, between }: { sessionId: string; between: string }) {
  const router = useRouter()
  return (
    <EndSessionButton
      sessionId={sessionId}
      onEnded={() => router.refresh()}
      description={`The session between ${between} ends for both of them and cannot be reopened.`}
    />
  )
}
