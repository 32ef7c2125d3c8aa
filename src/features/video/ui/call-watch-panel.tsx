'use client'

import { useState } from 'react'
import { useSocketEvent } from '@/features/realtime/client/use-socket-event'
import type { RtcStateEvent } from '@/features/realtime/contract'

/** What an admin watching a video session sees of the call: its state, never anyone's media. */
export function CallWatchPanel({
  sessionId,
  names,
}: {
  sessionId: string
  names: Record<string, string>
}) {
  const [states, setStates] = useState<Record<string, RtcStateEvent>>({})
  useSocketEvent('rtc:state', (event) => {
    if (event.sessionId !== sessionId) return
    setStates((current) => ({ ...current, [event.userId]: event }))
  })
  const entries = Object.values(states)
  return (
    <section
      aria-labelledby="call-watch-title"
      className="shrink-0 rounded-xl border border-slate-200 bg-white p-4 text-sm text-slate-700 lg:flex-1"
    >
      <h2 id="call-watch-title" className="font-semibold text-slate-900">
        Video call
      </h2>
      <p className="mt-1">You see the state of the call, not the video or sound.</p>
      {entries.length === 0 ? (
        <p className="mt-2">No one has joined the call yet.</p>
      ) : (
        <ul className="mt-2 space-y-1">
          {entries.map((state) => (
            <li key={state.userId}>
              {names[state.userId] ?? 'Participant'}:{' '}
              {state.connected ? 'connected' : 'not connected'}, quality {state.quality}, camera{' '}
              {state.camera ? 'on' : 'off'}, microphone {state.mic ? 'on' : 'off'}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
