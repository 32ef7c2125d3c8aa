'use client'

import { ArrowLeft, ChevronRight, CircleAlert } from 'lucide-react'
import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { useCallback, useEffect, useRef } from 'react'
import { Alert, Button } from '@/components/ui'
import { ChatPanel } from '@/features/chat/ui/chat-panel'
import { useCountdown } from '@/features/realtime/client/use-countdown'
import { useSessionRoom } from '@/features/realtime/client/use-session-room'
import type { Participant } from '@/features/realtime/events'
import type { RoomIntro } from '@/features/sessions/get-room-entry'
import { isTerminal, type SessionStatus, sessionStatuses } from '@/features/sessions/statuses'
import { EndSessionButton } from './end-session-button'
import { endedPathFor, notStartedPathFor } from './exit-paths'
import { PresenceName } from './presence-dot'
import { ConnectionBanner, TimeWarningBanner } from './room-banners'
import { RoomClock } from './room-clock'
import { describeRoom, joinNames, otherParticipants, type RoomStatusTone } from './room-status'
import { useConnectError } from './use-connect-error'
import { useLivePresence } from './use-live-presence'
import { useTimeWarning } from './use-time-warning'
import { VideoPlaceholder } from './video-placeholder'

export type RoomViewer = { id: string; name: string }

const statusTones: Record<RoomStatusTone | 'error', string> = {
  muted: 'text-slate-700',
  live: 'text-green-800',
  warning: 'text-amber-800',
  ended: 'text-slate-700',
  error: 'text-red-700',
}

/**
 * The live room, one tree for chat and video. Everything live comes from the server over the
 * tab's one socket: the snapshot, messages, presence, warnings and the end.
 */
export function SessionRoom({
  intro,
  viewer,
  homePath,
}: {
  intro: RoomIntro
  viewer: RoomViewer
  homePath: string
}) {
  const { sessionId } = intro
  const room = useSessionRoom(sessionId, viewer.name, viewer.id)
  const remainingMs = useCountdown(room.state, room.serverOffsetMs)
  const isPresent = useLivePresence(sessionId, room.state)
  const warning = useTimeWarning(room.state, remainingMs, room.warning, room.extended?.at ?? null)
  const watching = intro.role === 'admin'
  const connectError = useConnectError()

  const exit = useExit()
  const refusedStatus = room.error?.code === 'conflict' ? statusOf(room.error.status) : null
  const over =
    room.ended !== null ||
    (room.state !== null && isTerminal(room.state.status)) ||
    (refusedStatus !== null && isTerminal(refusedStatus))
  const notStarted = refusedStatus === 'pending'
  useEffect(() => {
    if (over) exit(endedPathFor(intro.role, sessionId))
    else if (notStarted) exit(notStartedPathFor(intro.role, sessionId))
  }, [over, notStarted, exit, intro.role, sessionId])

  const joinError = room.error && refusedStatus === null ? room.error : null
  const status = over
    ? { text: 'This session has ended', tone: 'ended' as const }
    : joinError
      ? { text: 'Could not join the session', tone: 'error' as const }
      : connectError && !room.state
        ? { text: connectError.message, tone: 'error' as const }
        : describeRoom(room.state, viewer.id, isPresent)

  const others = room.state
    ? otherParticipants(room.state, viewer.id)
    : intro.role === 'customer'
      ? [{ id: '', name: intro.mechanicName ?? 'Your mechanic', present: false }]
      : intro.role === 'mechanic'
        ? [{ id: '', name: intro.customerName, present: false }]
        : [
            { id: '', name: intro.customerName, present: false },
            { id: '', name: intro.mechanicName ?? 'Mechanic', present: false },
          ]
  const othersLabel = joinNames(others)
  const presenceOf = (person: Participant) => (room.state ? isPresent(person) : null)

  const disabledReason = joinError
    ? joinError.message
    : connectError?.signedOut
      ? connectError.message
      : over
        ? 'This session has ended.'
        : !room.state
          ? 'Connecting…'
          : room.state.status === 'accepted'
            ? 'Opening the room…'
            : null

  return (
    <div className="flex h-dvh flex-col bg-slate-50">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex w-full max-w-6xl items-start gap-2 px-3 pt-2 sm:gap-3 sm:px-4">
          <Link
            href={homePath}
            className="inline-flex min-h-11 shrink-0 items-center gap-1 rounded-lg px-2 text-sm font-medium text-slate-700 hover:bg-slate-100"
          >
            <ArrowLeft aria-hidden className="size-4" />
            <span className="sr-only sm:not-sr-only">Dashboard</span>
          </Link>
          <div className="min-w-0 flex-1 py-1">
            <h1 className="truncate text-lg font-bold leading-tight sm:text-xl">
              {intro.planLabel} session
              <span className="font-normal text-slate-600"> · {intro.vehicle}</span>
            </h1>
            <p className="mt-0.5 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-600">
              <span className="sr-only">{watching ? 'Participants:' : 'With'}</span>
              {others.map((person) => (
                <PresenceName
                  key={person.id || person.name}
                  name={person.name}
                  present={presenceOf(person)}
                />
              ))}
            </p>
          </div>
          <RoomClock
            status={over ? 'completed' : (room.state?.status ?? null)}
            remainingMs={over ? 0 : remainingMs}
            durationSeconds={room.state?.durationSeconds ?? null}
          />
        </div>
        <div className="mx-auto flex w-full max-w-6xl flex-wrap items-center justify-between gap-2 px-3 py-2 sm:px-4">
          <p
            role="status"
            data-testid="room-status"
            className={`flex min-w-0 items-center gap-2 text-sm font-medium ${statusTones[status.tone]}`}
          >
            {status.tone === 'live' && (
              <span
                aria-hidden
                className="size-2 shrink-0 animate-pulse rounded-full bg-green-600"
              />
            )}
            {status.text}
          </p>
          <div className="flex items-center gap-2">
            {watching && (
              <span className="rounded-full bg-slate-100 px-2.5 py-1 text-xs font-semibold text-slate-700">
                Watching as admin
              </span>
            )}
            {!over && (
              <EndSessionButton
                sessionId={sessionId}
                onEnded={() => exit(endedPathFor(intro.role, sessionId))}
                description={
                  watching
                    ? `The session between ${othersLabel} ends for both of them and cannot be reopened.`
                    : `The session with ${othersLabel} ends for both of you and cannot be reopened.`
                }
              />
            )}
          </div>
        </div>
        <details className="group mx-auto w-full max-w-6xl px-3 pb-2 text-sm sm:px-4">
          <summary className="flex min-h-8 cursor-pointer list-none items-center gap-1.5 rounded text-slate-700 [&::-webkit-details-marker]:hidden">
            <ChevronRight
              aria-hidden
              className="size-4 shrink-0 transition-transform group-open:rotate-90"
            />
            <span className="shrink-0 font-medium">
              {intro.role === 'customer' ? 'Your concern' : 'Concern'}:
            </span>
            <span className="truncate text-slate-600 group-open:hidden">{intro.concern}</span>
          </summary>
          <p className="mt-1 max-w-3xl pl-5.5 whitespace-pre-wrap text-slate-700 [overflow-wrap:anywhere]">
            {intro.concern}
          </p>
        </details>
      </header>

      {room.connection === 'reconnecting' && !over && <ConnectionBanner />}
      {warning.minutes !== null && !over && (
        <TimeWarningBanner minutes={warning.minutes} onDismiss={warning.dismiss} />
      )}

      <main
        className={`mx-auto flex min-h-0 w-full max-w-6xl flex-1 flex-col gap-3 p-3 sm:p-4 ${
          intro.type === 'video' ? 'lg:flex-row' : ''
        }`}
      >
        {connectError?.signedOut && (
          <Alert>
            {connectError.message}{' '}
            <a
              href={`/sign-in?next=${encodeURIComponent(intro.type === 'chat' ? `/chat/${sessionId}` : `/video/${sessionId}`)}`}
              className="font-semibold underline"
            >
              Sign in
            </a>
          </Alert>
        )}
        {joinError && (
          <div className="space-y-2">
            <Alert>
              <span className="inline-flex items-center gap-2">
                <CircleAlert aria-hidden className="size-4 shrink-0" />
                Could not join this session: {joinError.message}
              </span>
            </Alert>
            <Button variant="secondary" onClick={() => window.location.reload()}>
              Try again
            </Button>
          </div>
        )}
        {intro.type === 'video' && <VideoPlaceholder otherName={othersLabel} />}
        <div
          className={`flex min-h-0 flex-1 flex-col ${intro.type === 'video' ? 'lg:max-w-md' : ''}`}
        >
          <ChatPanel
            messages={room.messages}
            selfId={viewer.id}
            announceNew={room.state !== null}
            typingNames={room.typing.map((person) => person.name)}
            empty={
              room.state
                ? watching
                  ? 'No messages yet.'
                  : `No messages yet. Say hello to ${othersLabel}.`
                : 'Loading messages…'
            }
            composer={
              watching
                ? { mode: 'watching', note: 'Watching as admin — the chat is read-only for you.' }
                : { mode: 'write', disabledReason }
            }
            onSend={(body) => void room.send(body)}
            onRetry={(clientId) => void room.retry(clientId)}
            onTyping={room.setTyping}
          />
        </div>
      </main>
    </div>
  )
}

/** Leaves the room once, replacing its history entry so Back cannot return to it. */
function useExit(): (path: string) => void {
  const router = useRouter()
  const gone = useRef(false)
  return useCallback(
    (path: string) => {
      if (gone.current) return
      gone.current = true
      router.replace(path)
    },
    [router],
  )
}

function statusOf(value: unknown): SessionStatus | null {
  return sessionStatuses.includes(value as SessionStatus) ? (value as SessionStatus) : null
}
