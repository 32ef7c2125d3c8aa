import Link from 'next/link'
import { Alert } from '@/components/ui'
import type { MonitorNotice } from '@/features/monitor/list-monitor-notices'

/** The monitor's nudges on a participant's dashboard, each with the way into the room. */
export function MonitorNotices({ notices }: { notices: MonitorNotice[] }) {
  if (notices.length === 0) return null
  return (
    <div className="space-y-3" data-testid="monitor-notices">
      {notices.map((notice) => (
        <Alert key={`${notice.condition}:${notice.sessionId}`} tone="error">
          <span data-testid={`notice-${notice.condition}`}>{notice.message}</span>{' '}
          <Link href={notice.roomPath} className="font-semibold underline">
            Open the session
          </Link>
        </Alert>
      ))}
    </div>
  )
}
