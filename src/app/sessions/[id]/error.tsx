'use client'

import { SessionLoadError } from '@/features/sessions/ui/room/session-load-error'

export default function SessionError({ reset }: { reset: () => void }) {
  return <SessionLoadError reset={reset} />
}
