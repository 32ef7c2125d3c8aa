'use client'

import { CircleAlert } from 'lucide-react'
import { useRouter } from 'next/navigation'
import { Suspense, useCallback, useEffect, useRef, useState } from 'react'
import { Alert, Button } from '@/components/ui'
import { ChatPanel } from '@/features/chat/ui/chat-panel'
import { ExtendSessionButton } from '@/features/extensions/ui/extend-session-button'
import { ExtensionPendingBanner } from '@/features/extensions/ui/extension-pending-banner'
import { ExtensionReturnNotice } from '@/features/extensions/ui/extension-return-notice'
import { useCountdown } from '@/features/realtime/client/use-countdown'
import { useSessionRoom } from '@/features/realtime/client/use-session-room'
import type { Participant } from '@/features/realtime/events'
import type { RoomIntro } from '@/features/sessions/get-room-entry'
import { isTerminal, type SessionStatus, sessionStatuses } from '@/features/sessions/statuses'
import { EndSessionButton } from './end-session-button'
import { endedPathFor, notStartedPathFor } from './exit-paths'
import { ConnectionBanner, ExtendedBanner, TimeWarningBanner } from './room-banners'
import { RoomHeader } from './room-header'
import { describeRoom, joinNames, otherParticipants, type RoomStatus } from './room-status'
import { useConnectError } from './use-connect-error'
import { useLivePresence } from './use-live-presence'
import { useTimeWarning } from './use-time-warning'
import { VideoPlaceholder } from './video-placeholder'

export type RoomViewer = { id: string; name: string }

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
  const countdownMs = useCountdown(room.state, room.serverOffsetMs)
  const offline = room.connection === 'reconnecting'
  // Cut off from the server, this tab cannot know whether the clock runs or is paused; it holds
  // the last value it was sure of until the next snapshot.
  const lastKnownMs = useRef(countdownMs)
  if (!offline) lastKnownMs.current = countdownMs
  const remainingMs = offline ? lastKnownMs.current : countdownMs
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
  const canExtend =
    intro.role === 'customer' &&
    !over &&
    (room.state?.status === 'live' || room.state?.status === 'reconnecting')
  const recentlyExtended = useRecent(room.extended?.at ?? null, 8000)
  const status: RoomStatus = over
    ? { text: 'This session has ended', tone: 'ended' }
    : joinError
      ? { text: 'Could not join the session', tone: 'error' }
      : connectError && !room.state
        ? { text: connectError.message, tone: 'error' }
        : offline
          ? { text: 'Reconnecting…', tone: 'warning' }
          : describeRoom(room.state, viewer.id, isPresent)

  const others = room.state
    ? otherParticipants(room.state, viewer.id)
    : intro.role === 'customer'
      ? [{ id: 'mechanic', name: intro.mechanicName ?? 'Your mechanic', present: false }]
      : intro.role === 'mechanic'
        ? [{ id: 'customer', name: intro.customerName, present: false }]
        : [
            { id: 'customer', name: intro.customerName, present: false },
            { id: 'mechanic', name: intro.mechanicName ?? 'Mechanic', present: false },
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
      <RoomHeader
        intro={intro}
        homePath={homePath}
        others={others.map((person) => ({ ...person, present: presenceOf(person) }))}
        status={status}
        clock={{
          status: over ? 'completed' : offline ? null : (room.state?.status ?? null),
          remainingMs: over ? 0 : remainingMs,
          durationSeconds: room.state?.durationSeconds ?? null,
        }}
        endButton={
          over ? null : (
            <>
              {canExtend && <ExtendSessionButton sessionId={sessionId} />}
              <EndSessionButton
                sessionId={sessionId}
                onEnded={() => exit(endedPathFor(intro.role, sessionId))}
                description={
                  watching
                    ? `The session between ${othersLabel} ends for both of them and cannot be reopened.`
                    : `The session with ${othersLabel} ends for both of you and cannot be reopened.`
                }
              />
            </>
          )
        }
      />

      {offline && !over && <ConnectionBanner />}
      {warning.minutes !== null && !over && (
        <TimeWarningBanner
          minutes={warning.minutes}
          onDismiss={warning.dismiss}
          action={
            canExtend ? (
              <ExtendSessionButton
                sessionId={sessionId}
                label="Add time"
                className="min-h-9 py-1"
              />
            ) : undefined
          }
        />
      )}
      {recentlyExtended && room.extended && !over && (
        <ExtendedBanner minutes={room.extended.minutes} />
      )}
      {intro.role !== 'customer' && !over && <ExtensionPendingBanner sessionId={sessionId} />}
      {intro.role === 'customer' && (
        <Suspense fallback={null}>
          <ExtensionReturnNotice />
        </Suspense>
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

/** True for `forMs` after `at`, so a one-off notice fades on its own. */
function useRecent(at: number | null, forMs: number): boolean {
  const [recent, setRecent] = useState(false)
  useEffect(() => {
    if (at === null) return
    setRecent(true)
    const timer = setTimeout(() => setRecent(false), Math.max(0, at + forMs - Date.now()))
    return () => clearTimeout(timer)
  }, [at, forMs])
  return recent
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
