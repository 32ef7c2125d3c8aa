'use client'

import { Bell, BellOff } from 'lucide-react'
import { useEffect, useState } from 'react'
import { Button } from '@/components/ui'

type Permission = NotificationPermission | 'unsupported'

/**
 * Asks for the browser's permission to notify, on a click and with the reason beside it (browsers
 * ignore or punish a request out of the blue). Once answered it says what the browser will do.
 */
export function NotifyMe({ reason }: { reason: string }) {
  // Unknown until mounted: the server cannot know what this browser allows.
  const [permission, setPermission] = useState<Permission | null>(null)
  useEffect(() => {
    setPermission(typeof Notification === 'undefined' ? 'unsupported' : Notification.permission)
  }, [])

  if (permission === null || permission === 'unsupported') return null
  if (permission === 'granted') {
    return (
      <p className="flex items-center gap-2 text-sm text-slate-600" data-testid="notify-me">
        <Bell aria-hidden className="size-4 shrink-0" />
        Notifications are on in this browser.
      </p>
    )
  }
  if (permission === 'denied') {
    return (
      <p className="flex items-center gap-2 text-sm text-slate-600" data-testid="notify-me">
        <BellOff aria-hidden className="size-4 shrink-0" />
        Notifications are blocked for this site in your browser's settings; the tab's title and a
        sound still tell you.
      </p>
    )
  }
  return (
    <div
      className="flex flex-wrap items-center gap-2 text-sm text-slate-600"
      data-testid="notify-me"
    >
      <Button
        variant="secondary"
        className="min-h-9 py-1"
        onClick={async () => setPermission(await Notification.requestPermission())}
      >
        <Bell aria-hidden className="size-4" />
        Notify me
      </Button>
      <span>{reason}</span>
    </div>
  )
}
