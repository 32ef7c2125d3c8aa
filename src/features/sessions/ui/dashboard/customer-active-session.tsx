'use client'

import { Loader2, MessageSquare, Video } from 'lucide-react'
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { Alert, Button } from '@/components/ui'
import { useHydrated } from '@/components/use-hydrated'
import { callApi } from '@/lib/api-client'
import type { ActiveSessionView } from '../../active-session-view'
import type { WaitOutlook } from '../../get-wait-outlook'
import { NotifyMe } from '../attention/notify-me'
import { useAttentionOnAccept } from '../attention/use-attention-on-accept'
import { ElapsedSince } from './elapsed-since'
import { JoinSessionLink } from './join-session-link'
import { RoomPresenceLine } from './room-presence-line'
import { StatusBadge } from './status-badge'
import { WaitOutlookLines } from './wait-outlook-lines'

type Props = {
  session: ActiveSessionView
  /** While the request waits: who could take it and how long waits are lately. */
  outlook: WaitOutlook | null
  /** Once accepted: the mechanic's experience, specialties and rating in one line. */
  mechanicIntro: string | null
}

/** The customer's one active session: waiting for a mechanic, or ready to join. */
export function CustomerActiveSession({ session, outlook, mechanicIntro }: Props) {
  useAttentionOnAccept(session.id, session.status, session.otherName)
  return (
    <section
      aria-labelledby="active-session-heading"
      className="rounded-xl border border-blue-200 bg-white p-5 shadow-sm"
      data-testid="active-session"
    >
      {session.status === 'pending' ? (
        <PendingRequest session={session} outlook={outlook} />
      ) : (
        <ReadyToJoin session={session} mechanicIntro={mechanicIntro} />
      )}
      <RequestDetails session={session} />
    </section>
  )
}

function PendingRequest({
  session,
  outlook,
}: {
  session: ActiveSessionView
  outlook: WaitOutlook | null
}) {
  return (
    <div className="space-y-3">
      <div className="flex items-start gap-3">
        <Loader2 aria-hidden className="mt-1 size-6 shrink-0 animate-spin text-blue-600" />
        <div className="min-w-0">
          <h2 id="active-session-heading" className="text-xl font-semibold">
            Finding a mechanic…
          </h2>
          <p className="text-slate-600">
            Waiting <ElapsedSince iso={session.requestedAt} testId="waiting-time" />. Your request
            is in every available mechanic's queue; this page updates by itself when one accepts. If
            nobody does within {session.requestTimeout}, you are refunded automatically.
          </p>
          {outlook && (
            <div className="mt-3">
              <WaitOutlookLines initial={outlook} />
            </div>
          )}
          <div className="mt-3">
            <NotifyMe reason="to hear when a mechanic accepts, even from another tab." />
          </div>
          <div className="mt-3">
            <CancelRequest sessionId={session.id} paid={session.paid} />
          </div>
        </div>
      </div>
    </div>
  )
}

function CancelRequest({ sessionId, paid }: { sessionId: string; paid: string }) {
  const router = useRouter()
  const hydrated = useHydrated()
  const [confirming, setConfirming] = useState(false)
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function cancel() {
    setPending(true)
    setError(null)
    const result = await callApi(`/api/sessions/${sessionId}/end`)
    setPending(false)
    setConfirming(false)
    // A 409 means a mechanic took it meanwhile; the refreshed page shows that.
    if (!result.ok && result.status !== 409) setError(result.message)
    router.refresh()
  }

  if (!confirming) {
    return (
      <div className="space-y-2">
        {error && <Alert>{error}</Alert>}
        <Button variant="secondary" disabled={!hydrated} onClick={() => setConfirming(true)}>
          Cancel request
        </Button>
      </div>
    )
  }
  return (
    <div className="space-y-3 rounded-lg border border-red-200 bg-red-50 p-4">
      <p className="text-sm text-red-900" role="status">
        Cancel this request? You will be refunded {paid} and nobody will be connected to you.
      </p>
      <div className="flex flex-wrap gap-2">
        <Button variant="danger" disabled={pending} onClick={cancel}>
          {pending ? 'Cancelling…' : 'Yes, cancel request'}
        </Button>
        <Button variant="secondary" disabled={pending} onClick={() => setConfirming(false)}>
          Keep waiting
        </Button>
      </div>
    </div>
  )
}

function ReadyToJoin({
  session,
  mechanicIntro,
}: {
  session: ActiveSessionView
  mechanicIntro: string | null
}) {
  const Icon = session.type === 'chat' ? MessageSquare : Video
  return (
    <div className="flex flex-wrap items-center justify-between gap-4">
      <div className="flex min-w-0 items-start gap-3">
        <Icon aria-hidden className="mt-1 size-6 shrink-0 text-blue-600" />
        <div className="min-w-0">
          <h2 id="active-session-heading" className="text-xl font-semibold">
            {session.otherName ?? 'Your mechanic'} is your mechanic
          </h2>
          {mechanicIntro && (
            <p className="text-sm text-slate-600" data-testid="mechanic-intro">
              {mechanicIntro}
            </p>
          )}
          <p className="mt-1 flex flex-wrap items-center gap-2 text-slate-600">
            <StatusBadge status={session.status} />
            {session.status === 'accepted' && <span>They are on their way to the room.</span>}
            {session.status === 'reconnecting' && (
              <span>The clock is paused until you are both back.</span>
            )}
            <RoomPresenceLine session={session} />
          </p>
        </div>
      </div>
      <JoinSessionLink href={session.roomPath} />
    </div>
  )
}

function RequestDetails({ session }: { session: ActiveSessionView }) {
  return (
    <dl className="mt-4 grid gap-x-6 gap-y-2 border-t border-slate-200 pt-4 text-sm sm:grid-cols-3">
      <div>
        <dt className="text-slate-500">Plan</dt>
        <dd className="font-medium">
          {session.planLabel} · {session.length} · {session.paid}
        </dd>
      </div>
      <div>
        <dt className="text-slate-500">Vehicle</dt>
        <dd className="font-medium">{session.vehicle}</dd>
      </div>
      <div className="sm:col-span-3">
        <dt className="text-slate-500">Your description</dt>
        <dd className="line-clamp-3 whitespace-pre-line break-words">{session.concern}</dd>
      </div>
    </dl>
  )
}
