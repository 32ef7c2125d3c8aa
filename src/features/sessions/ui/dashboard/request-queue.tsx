'use client'

import { Clock, MessageSquare, Video } from 'lucide-react'
import { useRouter } from 'next/navigation'
import { useCallback, useRef, useState } from 'react'
import { Alert, Button } from '@/components/ui'
import { useHydrated } from '@/components/use-hydrated'
import { useSocketEvent, useSocketStatus } from '@/features/realtime/client/use-socket-event'
import type { QueueItem } from '@/features/sessions/list-queue'
import { callApi } from '@/lib/api-client'
import { callForAttention } from '../attention/call-for-attention'
import { NotifyMe } from '../attention/notify-me'
import { ClampedText } from './clamped-text'
import { formatElapsed } from './format'
import { useNow } from './use-now'

type AcceptResponse = { session: { id: string; status: string; roomPath: string } }

const connectionLabels = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
} as const

const busyReason = 'Finish your active session before accepting another request.'

/**
 * Paid requests waiting for a mechanic. Fetched again on every `queue:updated` (a new request,
 * one taken or expired) and on every connect of the socket, so it stays current without
 * reloading. The rest of the page follows the mechanic's own sessions through `LiveRefresh`.
 */
export function RequestQueue({
  initialRequests,
  activeSessionId,
}: {
  initialRequests: QueueItem[]
  activeSessionId: string | null
}) {
  const router = useRouter()
  const hydrated = useHydrated()
  const now = useNow()
  const [requests, setRequests] = useState(initialRequests)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [accepting, setAccepting] = useState<string | null>(null)
  const [connection, setConnection] = useState<'connecting' | 'live' | 'reconnecting'>('connecting')
  const latestFetch = useRef(0)
  // Requests this page has shown; one it has not is news worth a chime.
  const known = useRef(new Set(initialRequests.map((request) => request.sessionId)))
  const busy = activeSessionId !== null

  const refetch = useCallback(async () => {
    const fetchNumber = ++latestFetch.current
    const result = await callApi<{ requests: QueueItem[] }>('/api/queue', { method: 'GET' })
    // Updates can arrive in bursts; only the newest answer counts.
    if (fetchNumber !== latestFetch.current) return
    if (result.ok) {
      const arrived = result.data.requests.filter(
        (request) => !known.current.has(request.sessionId),
      )
      for (const request of arrived) known.current.add(request.sessionId)
      const [first] = arrived
      if (first && !busy) {
        const { year, make, model } = first.vehicle
        callForAttention({
          title: arrived.length === 1 ? 'New request' : `${arrived.length} new requests`,
          body: `${first.planLabel} · ${year} ${make} ${model}: ${first.concern.slice(0, 120)}`,
          tag: `queue-${first.sessionId}`,
        })
      }
      setRequests(result.data.requests)
      setLoadError(null)
    } else {
      setLoadError(result.message)
    }
  }, [busy])

  useSocketEvent('queue:updated', () => void refetch())
  useSocketStatus((isConnected) => {
    setConnection((current) =>
      isConnected ? 'live' : current === 'connecting' ? 'connecting' : 'reconnecting',
    )
    // Also on the first connect: the queue room is joined before `connect`, so this fetch sees
    // everything that changed since the page was rendered.
    if (isConnected) void refetch()
  })

  async function accept(sessionId: string) {
    setAccepting(sessionId)
    setNotice(null)
    const result = await callApi<AcceptResponse>(`/api/sessions/${sessionId}/accept`)
    if (result.ok) {
      router.push(result.data.session.roomPath)
      return
    }
    setAccepting(null)
    if (result.status === 409 && typeof result.details.sessionId === 'string') {
      // This mechanic already has a session (perhaps taken in another tab).
      setNotice(result.message)
      router.refresh()
    } else if (result.status === 409) {
      setNotice('Already taken by another mechanic')
    } else {
      setNotice(result.message)
    }
    void refetch()
  }

  return (
    <section
      aria-labelledby="queue-heading"
      className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
    >
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id="queue-heading" className="text-lg font-semibold">
          Request queue
        </h2>
        <span className="flex items-center gap-2 text-sm text-slate-600" aria-live="polite">
          <span
            aria-hidden
            className={`size-2 rounded-full ${connection === 'live' ? 'bg-green-500' : 'bg-amber-500'}`}
          />
          {connectionLabels[connection]}
        </span>
      </div>
      <div className="space-y-3">
        {!busy && <NotifyMe reason="to hear about new requests, even from another tab." />}
        {notice && <Alert>{notice}</Alert>}
        {loadError && <Alert>{loadError}</Alert>}
        {busy && requests.length > 0 && (
          <p id="queue-busy-reason" className="text-sm text-slate-600">
            {busyReason}
          </p>
        )}
        {requests.length === 0 ? (
          <p className="text-slate-600">No requests are waiting right now.</p>
        ) : (
          <ul className="divide-y divide-slate-200" aria-label="Waiting requests">
            {requests.map((request) => (
              <QueueRequest
                key={request.sessionId}
                request={request}
                now={now}
                busy={busy}
                ready={hydrated}
                accepting={accepting}
                onAccept={accept}
              />
            ))}
          </ul>
        )}
      </div>
    </section>
  )
}

function QueueRequest({
  request,
  now,
  busy,
  ready,
  accepting,
  onAccept,
}: {
  request: QueueItem
  now: number | null
  busy: boolean
  ready: boolean
  accepting: string | null
  onAccept: (sessionId: string) => void
}) {
  const Icon = request.type === 'chat' ? MessageSquare : Video
  const vehicle = `${request.vehicle.year} ${request.vehicle.make} ${request.vehicle.model}`
  const isAccepting = accepting === request.sessionId
  return (
    <li
      className="flex flex-col gap-3 py-4 first:pt-0 last:pb-0 sm:flex-row sm:items-start sm:justify-between"
      data-testid="queue-request"
      data-session-id={request.sessionId}
    >
      <div className="min-w-0 flex-1 space-y-1">
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <span className="inline-flex items-center gap-1.5 font-semibold">
            <Icon aria-hidden className="size-4 text-blue-600" />
            {request.planLabel}
          </span>
          <span className="text-sm text-slate-600">
            {request.type === 'chat' ? 'Text chat' : 'Video call'} · {request.minutes} min
          </span>
          <span className="inline-flex items-center gap-1 text-sm text-slate-600">
            <Clock aria-hidden className="size-3.5" />
            Waiting{' '}
            <span className="font-mono tabular-nums text-slate-900">
              {now === null ? '–:––' : formatElapsed(now - Date.parse(request.requestedAt))}
            </span>
          </span>
        </p>
        <p className="font-medium">{vehicle}</p>
        <ClampedText text={request.concern} />
      </div>
      <Button
        className="w-full shrink-0 sm:w-auto"
        disabled={!ready || busy || accepting !== null}
        aria-describedby={busy ? 'queue-busy-reason' : undefined}
        aria-label={`Accept ${request.planLabel} request for ${vehicle}`}
        onClick={() => onAccept(request.sessionId)}
      >
        {isAccepting ? 'Accepting…' : 'Accept'}
      </Button>
    </li>
  )
}
