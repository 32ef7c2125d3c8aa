'use client'

import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react'
import { getSocket, joinSessionRoom, rejoinSessionRoom } from '@/features/realtime/client/socket'
import { useSocketEvent } from '@/features/realtime/client/use-socket-event'
import type {
  AckError,
  JoinResult,
  SessionEndedEvent,
  SessionRole,
  SessionState,
} from '@/features/realtime/contract'

export type RoomConnectionStatus = 'connecting' | 'connected' | 'reconnecting'

/** The room as every panel sees it: the tab's one join of the session's room. */
export type RoomConnection = {
  sessionId: string
  state: SessionState | null
  role: SessionRole | null
  connection: RoomConnectionStatus
  error: AckError | null
  /** Server clock minus this tab's clock, in ms; countdowns add it to Date.now(). */
  serverOffsetMs: number
  ended: SessionEndedEvent | null
  /**
   * Calls `listener` with every join answer (the first and each after a reconnect), as it
   * arrives; returns the function that stops. Panels with their own part of the answer (chat's
   * missed messages) take it from here.
   */
  onJoined: (listener: (result: JoinResult) => void) => () => void
  /** Asks to join again after a refused join, over the same socket, keeping the page. */
  retry: () => void
}

const RoomContext = createContext<RoomConnection | null>(null)

/**
 * Joins the session's room once for the whole page and keeps its snapshot: panels read it with
 * `useRoomConnection()` and follow their own events with their own hooks.
 */
export function RoomConnectionProvider({
  sessionId,
  children,
}: {
  sessionId: string
  children: ReactNode
}) {
  const [state, setState] = useState<SessionState | null>(null)
  const [role, setRole] = useState<SessionRole | null>(null)
  const [connection, setConnection] = useState<RoomConnectionStatus>('connecting')
  const [error, setError] = useState<AckError | null>(null)
  const [serverOffsetMs, setServerOffsetMs] = useState(0)
  const [ended, setEnded] = useState<SessionEndedEvent | null>(null)
  const joinListeners = useRef(new Set<(result: JoinResult) => void>())

  const applyState = useCallback((next: SessionState) => {
    setServerOffsetMs(Date.parse(next.serverNow) - Date.now())
    setState(next)
  }, [])

  useSocketEvent('session:state', (next) => next.sessionId === sessionId && applyState(next))
  useSocketEvent('session:ended', (event) => event.sessionId === sessionId && setEnded(event))
  // Bought time moves the deadline at once; the snapshot that follows confirms it.
  useSocketEvent('session:extended', (event) => {
    if (event.sessionId !== sessionId) return
    setServerOffsetMs(Date.parse(event.serverNow) - Date.now())
    setState((current) => (current ? { ...current, expiresAt: event.expiresAt } : current))
  })

  // Child panels subscribe in their effects, which run before this one: none misses a join.
  useEffect(() => {
    const socket = getSocket()
    const onDisconnect = () => setConnection('reconnecting')
    socket.on('disconnect', onDisconnect)
    const leave = joinSessionRoom(sessionId, {
      onJoined: (result) => {
        setError(null)
        setRole(result.role)
        applyState(result.state)
        for (const listener of joinListeners.current) listener(result)
        setConnection('connected')
      },
      onError: (joinError) => {
        setError(joinError)
        setConnection('connected')
      },
    })
    return () => {
      leave()
      socket.off('disconnect', onDisconnect)
    }
  }, [sessionId, applyState])

  const onJoined = useCallback((listener: (result: JoinResult) => void) => {
    joinListeners.current.add(listener)
    return () => {
      joinListeners.current.delete(listener)
    }
  }, [])

  const retry = useCallback(() => {
    setError(null)
    setConnection('connecting')
    rejoinSessionRoom(sessionId)
  }, [sessionId])

  const room = useMemo<RoomConnection>(
    () => ({ sessionId, state, role, connection, error, serverOffsetMs, ended, onJoined, retry }),
    [sessionId, state, role, connection, error, serverOffsetMs, ended, onJoined, retry],
  )
  return <RoomContext value={room}>{children}</RoomContext>
}

/** The room this component is rendered in. */
export function useRoomConnection(): RoomConnection {
  const room = useContext(RoomContext)
  if (!room) throw new Error('useRoomConnection needs a RoomConnectionProvider above it')
  return room
}
