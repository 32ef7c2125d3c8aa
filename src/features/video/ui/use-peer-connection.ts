'use client'

import { useCallback, useEffect, useRef, useState } from 'react'
import { emitWithAck, getSocket } from '@/features/realtime/client/socket'
import { useSocketEvent } from '@/features/realtime/client/use-socket-event'
import type { CallQuality, RtcSignalEvent } from '@/features/realtime/contract'
import { useRoomConnection } from '@/features/sessions/ui/room/room-connection'
import {
  gradeCallQuality,
  measuresBetween,
  readStats,
  type StatsTotals,
} from './grade-call-quality'

/** Where the call stands, as the page shows it. */
export type CallPhase =
  | 'joining'
  | 'waiting'
  | 'connecting'
  | 'connected'
  | 'reconnecting'
  | 'error'

type IceConfig = { iceServers: RTCIceServer[]; iceTransportPolicy: RTCIceTransportPolicy }

export type PeerConnection = {
  phase: CallPhase
  remoteStream: MediaStream | null
  quality: CallQuality
  error: string | null
  /** An ICE restart now, without waiting for the browser to give up. */
  retryNow: () => void
  /** Swaps the outgoing track of this kind (a switched camera) without renegotiating. */
  replaceTrack: (track: MediaStreamTrack) => Promise<void>
}

const STATS_INTERVAL_MS = 2000
/** A call not connected this long after (re)starting enters again; the wait doubles each time. */
const STALL_MS = 15_000
const MAX_STALL_MS = 60_000

/**
 * One WebRTC connection to the other participant, negotiated with the "perfect negotiation"
 * pattern: the customer is the polite peer (it rolls back its own offer on a collision), the
 * mechanic the impolite one (it ignores the colliding offer), so glare never deadlocks.
 *
 * Every (re)join of the session's room enters the call again (`rtc:join`); the other side hears
 * `rtc:peer-joined` and both start a fresh connection, so a page that lost its socket, or was
 * reloaded, resumes the call without anyone reloading. A page that enters before the other side
 * waits for it instead of offering to nobody: an early offer would reach the other side late,
 * beside the fresh one, and tangle the negotiation. A connection that drops while both sockets
 * stay up is healed with an ICE restart, automatic and on "Retry now"; one that still has not
 * connected after a while (a signal lost on the way) enters the call again, from the polite side
 * only, so the two never start over at the same moment.
 */
export function usePeerConnection(
  sessionId: string,
  localStream: MediaStream | null,
): PeerConnection {
  const room = useRoomConnection()
  const [phase, setPhase] = useState<CallPhase>('joining')
  const [remoteStream, setRemoteStream] = useState<MediaStream | null>(null)
  const [quality, setQuality] = useState<CallQuality>('unknown')
  const [error, setError] = useState<string | null>(null)

  const pcRef = useRef<RTCPeerConnection | null>(null)
  const politeRef = useRef(true)
  const makingOffer = useRef(false)
  const ignoreOffer = useRef(false)
  const configRef = useRef<IceConfig | null>(null)
  /** Signals that came before this page's connection existed; applied once it does. */
  const early = useRef<RtcSignalEvent[]>([])
  const streamRef = useRef(localStream)
  streamRef.current = localStream
  /** Whether the session's room was joined before the call effect ran (then no join is coming). */
  const roomJoined = useRef(false)
  roomJoined.current = room.state !== null
  /** Enters the call again (the stall watchdog); set while the devices are ready. */
  const reenter = useRef<(() => void) | null>(null)
  const stalls = useRef(0)

  const send = useCallback(
    (signal: Omit<RtcSignalEvent, 'sessionId' | 'fromUserId'>) => {
      const socket = getSocket()
      // A signal sent while offline would be stale when it arrives: a rejoin renegotiates anyway.
      if (!socket.connected) return
      socket.emit('rtc:signal', { sessionId, ...signal })
    },
    [sessionId],
  )

  const handleSignal = useCallback(
    async (pc: RTCPeerConnection, { description, candidate }: RtcSignalEvent) => {
      try {
        if (description) {
          const collision =
            description.type === 'offer' && (makingOffer.current || pc.signalingState !== 'stable')
          ignoreOffer.current = !politeRef.current && collision
          if (ignoreOffer.current) return
          await pc.setRemoteDescription(description)
          if (description.type === 'offer') {
            await pc.setLocalDescription()
            const local = pc.localDescription
            if (local) send({ description: { type: local.type, sdp: local.sdp } })
          }
        } else if (candidate !== undefined) {
          try {
            await pc.addIceCandidate(candidate ?? undefined)
          } catch (failure) {
            // A candidate of an ignored offer, or of the other side's previous connection.
            if (!ignoreOffer.current && pc.remoteDescription) throw failure
          }
        }
      } catch (failure) {
        if (pcRef.current === pc)
          setError(failure instanceof Error ? failure.message : 'Call failed')
      }
    },
    [send],
  )

  // Signals are applied one after the other: a candidate handled while its offer is still being
  // set would find no remote description and be lost.
  const chain = useRef<Promise<void>>(Promise.resolve())
  const applyInOrder = useCallback(
    (pc: RTCPeerConnection, signal: RtcSignalEvent) => {
      chain.current = chain.current.then(() => handleSignal(pc, signal))
    },
    [handleSignal],
  )

  /** A fresh connection: the previous one (if any) is closed, tracks are added, an offer follows. */
  const startConnection = useCallback(() => {
    const config = configRef.current
    const stream = streamRef.current
    if (!config || !stream) return
    pcRef.current?.close()
    makingOffer.current = false
    ignoreOffer.current = false
    const pc = new RTCPeerConnection(config)
    pcRef.current = pc
    const remote = new MediaStream()
    setRemoteStream(remote)
    setPhase('connecting')
    setError(null)

    pc.ontrack = ({ track }) => {
      remote.addTrack(track)
      // A new object so the video element picks up the added track.
      setRemoteStream(new MediaStream(remote.getTracks()))
    }
    pc.onicecandidate = ({ candidate }) => {
      if (pcRef.current !== pc) return
      send({ candidate: candidate ? (candidate.toJSON() as RtcSignalEvent['candidate']) : null })
    }
    pc.onnegotiationneeded = async () => {
      try {
        makingOffer.current = true
        await pc.setLocalDescription()
        const local = pc.localDescription
        if (local) send({ description: { type: local.type, sdp: local.sdp } })
      } catch (failure) {
        if (pcRef.current === pc)
          setError(failure instanceof Error ? failure.message : 'Call failed')
      } finally {
        makingOffer.current = false
      }
    }
    // The connection's state, not ICE's alone: the network path can come up while the encrypted
    // link over it never does (the other side lost our answer), and no media flows until it does.
    pc.onconnectionstatechange = () => {
      if (pcRef.current !== pc) return
      const state = pc.connectionState
      if (state === 'connected') setPhase('connected')
      else if (state === 'disconnected' || state === 'failed') {
        setPhase('reconnecting')
        pc.restartIce()
      }
    }
    for (const track of stream.getTracks()) pc.addTrack(track, stream)

    const waiting = early.current
    early.current = []
    for (const signal of waiting) applyInOrder(pc, signal)
  }, [send, applyInOrder])

  // Enter the call on every (re)join of the session's room, once the devices are ready.
  useEffect(() => {
    if (!localStream) return
    let cancelled = false
    const enter = async () => {
      setPhase('joining')
      const response = await fetch(`/api/sessions/${sessionId}/ice-servers`, { cache: 'no-store' })
      if (!response.ok) {
        if (!cancelled) {
          setPhase('error')
          setError('Could not prepare the call. Check your connection and try again.')
        }
        return
      }
      const body = (await response.json()) as IceConfig
      if (cancelled) return
      configRef.current = body
      const joined = await emitWithAck('rtc:join', { sessionId })
      if (cancelled) return
      if (!joined.ok) {
        setPhase('error')
        setError(joined.error.message)
        return
      }
      politeRef.current = joined.data.role === 'customer'
      if (joined.data.peerPresent) {
        startConnection()
        return
      }
      // Nobody to call yet: their `rtc:join` reaches us as `rtc:peer-joined`.
      pcRef.current?.close()
      pcRef.current = null
      early.current = []
      setPhase('waiting')
    }
    reenter.current = () => void enter()
    const leave = room.onJoined(() => void enter())
    if (roomJoined.current) void enter()
    return () => {
      cancelled = true
      reenter.current = null
      leave()
    }
  }, [localStream, sessionId, room.onJoined, startConnection])

  useEffect(
    () => () => {
      pcRef.current?.close()
      pcRef.current = null
    },
    [],
  )

  useEffect(() => {
    if (phase === 'connected') stalls.current = 0
    if ((phase !== 'connecting' && phase !== 'reconnecting') || !politeRef.current) return
    const timer = setTimeout(
      () => {
        stalls.current += 1
        reenter.current?.()
      },
      Math.min(STALL_MS * 2 ** stalls.current, MAX_STALL_MS),
    )
    return () => clearTimeout(timer)
  }, [phase])

  useSocketEvent('rtc:peer-joined', (event) => {
    if (event.sessionId !== sessionId) return
    startConnection()
  })

  useSocketEvent('rtc:signal', (signal) => {
    if (signal.sessionId !== sessionId) return
    const pc = pcRef.current
    if (!pc) {
      early.current.push(signal)
      return
    }
    applyInOrder(pc, signal)
  })

  // The quality word, from the connection's own statistics.
  useEffect(() => {
    let previous: StatsTotals | null = null
    const timer = setInterval(async () => {
      const pc = pcRef.current
      if (!pc) return
      if (pc.connectionState !== 'connected') return
      const stats = await pc.getStats()
      const entries = [...stats.values()] as Array<
        Record<string, unknown> & { type: string; id: string }
      >
      const { totals, roundTripSeconds } = readStats(entries, Date.now())
      if (previous)
        setQuality(gradeCallQuality(measuresBetween(previous, totals, roundTripSeconds)))
      previous = totals
    }, STATS_INTERVAL_MS)
    return () => clearInterval(timer)
  }, [])

  const retryNow = useCallback(() => {
    const pc = pcRef.current
    if (!pc) return
    setPhase('reconnecting')
    pc.restartIce()
  }, [])

  const replaceTrack = useCallback(async (track: MediaStreamTrack) => {
    const sender = pcRef.current?.getSenders().find((s) => s.track?.kind === track.kind)
    await sender?.replaceTrack(track)
  }, [])

  return { phase, remoteStream, quality, error, retryNow, replaceTrack }
}
