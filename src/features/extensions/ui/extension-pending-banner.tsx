'use client'

import { Loader2 } from 'lucide-react'
import { useExtensionPending } from './use-extension-pending'

/** Tells the mechanic that more time is being bought, so they don't wrap up early. */
export function ExtensionPendingBanner({ sessionId }: { sessionId: string }) {
  const pending = useExtensionPending(sessionId)
  if (!pending) return null
  return (
    <div
      role="status"
      className="flex items-center gap-2 border-b border-blue-200 bg-blue-50 px-4 py-2 text-sm font-medium text-blue-900"
    >
      <Loader2 aria-hidden className="size-4 animate-spin" />
      Customer is extending the session…
    </div>
  )
}
