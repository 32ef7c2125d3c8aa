'use client'

import { CircleAlert, MessageSquare, X } from 'lucide-react'
import { useRouter } from 'next/navigation'
import { Suspense, useCallback, useEffect, useRef, useState } from 'react'
import { Alert, Button } from '@/components/ui'
import { RoomChatPanel } from '@/features/chat/ui/room-chat-panel'
import { ExtendSessionButton } from '@/features/extensions/ui/extend-session-button'
import { ExtensionPendingBanner } from '@/features/extensions/ui/extension-pending-banner'
import { ExtensionReturnNotice } from '@/features/extensions/ui/extension-return-notice'
import { useSessionExtended } from '@/features/extensions/ui/use-session-extended'
import { AttachButton } from '@/features/files/ui/attach-button'
import { FileDropZone } from '@/features/files/ui/file-drop-zone'
import { sharedFileEntry } from '@/features/files/ui/shared-file-entry'
import { UploadList } from '@/features/files/ui/upload-list'
import { useRoomFiles } from '@/features/files/ui/use-room-files'
import type { Participant } from '@/features/realtime/contract'
import type { RoomIntro } from '@/features/sessions/get-room-intro'
import { isTerminal, type SessionStatus, sessionStatuses } from '@/features/sessions/statuses'
import { CallWatchPanel } from '@/features/video/ui/call-watch-panel'
import { VideoCall } from '@/features/video/ui/video-call'
import { EndSessionButton } from './end-session-button'
import { endedPathFor, notStartedPathFor } from './exit-paths'
import {
  AdminWatchingBanner,
  ConnectionBanner,
  ExtendedBanner,
  TimeWarningBanner,
} from './room-banners'
import { RoomConnectionProvider, useRoomConnection } from './room-connection'
import { RoomHeader } from './room-header'
import { describeRoom, joinNames, otherParticipants, type RoomStatus } from './room-status'
import { TimeLeftOutcome } from './time-left-outcome'
import { useAdminWatching } from './use-admin-watching'
import { useConnectError } from './use-connect-error'
import { useLivePresence } from './use-live-presence'
import { useRoomClock } from './use-room-clock'
import { useTimeWarning } from './use-time-warning'

export type RoomViewer = { id: string; name: string }

type RoomProps = { intro: RoomIntro; viewer: RoomViewer; homePath: string }

/**
 * The live room, one tree for chat and video. The page joins the session's room once (over the
 * tab's one socket) and composes panels; each feature follows its own events with its own hook:
 * the snapshot, presence and the end here, the clock and warnings, extensions, the chat.
 */
export function SessionRoom(props: RoomProps) {
  return (
    <RoomConnectionProvider sessionId={props.intro.sessionId}>
      <RoomView {...props} />
    </RoomConnectionProvider>
  )
}

function RoomView({ intro, viewer, homePath }: RoomProps) {
  const { sessionId } = intro
  const room = useRoomConnection()
  const offline = room.connection === 'reconnecting'
  const remainingMs = useRoomClock()
  const extended = useSessionExtended(sessionId)
  const isPresent = useLivePresence(sessionId, room.state)
  const warning = useTimeWarning(remainingMs, extended?.at ?? null)
  const watching = intro.role === 'admin'
  const watchedBySupport = useAdminWatching(sessionId)
  const connectError = useConnectError()
  const files = useRoomFiles()
  // On a phone the call takes the screen and the chat opens over it as a drawer.
  const [chatOpen, setChatOpen] = useState(false)
  const callRoom = intro.type === 'video' && !watching

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
  const canShareFiles =
    !watching && !over && (room.state?.status === 'live' || room.state?.status === 'reconnecting')
  const recentlyExtended = useRecent(extended?.at ?? null, 8000)
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
                outcome={
                  room.state?.status === 'live' || room.state?.status === 'reconnecting' ? (
                    <TimeLeftOutcome
                      sessionId={sessionId}
                      remainingMs={remainingMs ?? room.state.remainingMs}
                      startedAt={room.state.startedAt}
                      serverOffsetMs={room.serverOffsetMs}
                      viewer={intro.role}
                    />
                  ) : undefined
                }
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
      {watchedBySupport && !watching && !over && <AdminWatchingBanner />}
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
      {recentlyExtended && extended && !over && <ExtendedBanner minutes={extended.minutes} />}
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
            <Button variant="secondary" onClick={room.retry}>
              Try again
            </Button>
          </div>
        )}
        {intro.type === 'video' &&
          !over &&
          (watching ? (
            <CallWatchPanel
              sessionId={sessionId}
              names={Object.fromEntries(
                room.state
                  ? [
                      [room.state.customer.id, room.state.customer.name],
                      ...(room.state.mechanic
                        ? [[room.state.mechanic.id, room.state.mechanic.name]]
                        : []),
                    ]
                  : [],
              )}
            />
          ) : (
            <VideoCall
              sessionId={sessionId}
              otherName={othersLabel}
              otherAway={
                room.state?.status === 'reconnecting' &&
                others.some((person) => presenceOf(person) === false)
              }
            />
          ))}
        {callRoom && (
          <Button
            variant="secondary"
            className="shrink-0 lg:hidden"
            aria-expanded={chatOpen}
            aria-controls="room-chat"
            onClick={() => setChatOpen((open) => !open)}
          >
            {chatOpen ? (
              <X aria-hidden className="size-5" />
            ) : (
              <MessageSquare aria-hidden className="size-5" />
            )}
            {chatOpen ? 'Hide chat' : 'Chat'}
          </Button>
        )}
        <div
          id="room-chat"
          className={`flex min-h-0 flex-1 flex-col ${intro.type === 'video' ? 'lg:max-w-md' : ''} ${
            callRoom
              ? `${chatOpen ? 'fixed' : 'hidden'} inset-x-0 top-0 bottom-16 z-10 bg-white p-2 shadow-2xl lg:static lg:flex lg:bg-transparent lg:p-0 lg:shadow-none`
              : ''
          }`}
        >
          <FileDropZone enabled={canShareFiles} onFiles={files.upload}>
            <RoomChatPanel
              self={viewer}
              attachments={files.files.map(sharedFileEntry)}
              footer={
                <UploadList
                  uploads={files.uploads}
                  onCancel={files.cancel}
                  onDismiss={files.dismiss}
                />
              }
              composerAccessory={
                watching ? undefined : (
                  <AttachButton disabled={!canShareFiles} onFiles={files.upload} />
                )
              }
              onPasteFiles={canShareFiles ? files.upload : undefined}
              announceNew={room.state !== null}
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
            />
          </FileDropZone>
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
