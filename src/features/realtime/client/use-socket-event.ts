'use client'

import { useEffect, useRef } from 'react'
import type { PayloadOf, ServerEvent } from '../contract'
import { getSocket } from './socket'

/** Subscribes a component to a server event on the tab's shared socket. */
export function useSocketEvent<E extends ServerEvent>(
  event: E,
  handler: (payload: PayloadOf<E>) => void,
): void {
  const latest = useRef(handler)
  latest.current = handler
  useEffect(() => {
    const socket = getSocket()
    // Socket.IO cannot resolve the listener type of a generic event name; the signature does.
    const listener = ((payload: PayloadOf<E>) => latest.current(payload)) as Parameters<
      typeof socket.on<E>
    >[1]
    socket.on(event, listener)
    return () => {
      socket.off(event, listener)
    }
  }, [event])
}

/** Whether the tab's socket is connected, for "reconnecting…" banners. */
export function useSocketStatus(onChange: (connected: boolean) => void): void {
  const latest = useRef(onChange)
  latest.current = onChange
  useEffect(() => {
    const socket = getSocket()
    const up = () => latest.current(true)
    const down = () => latest.current(false)
    socket.on('connect', up)
    socket.on('disconnect', down)
    latest.current(socket.connected)
    return () => {
      socket.off('connect', up)
      socket.off('disconnect', down)
    }
  }, [])
}

/** Why the tab's socket failed to connect, each time it does (e.g. "unauthenticated"). */
export function useSocketConnectError(onError: (error: Error) => void): void {
  const latest = useRef(onError)
  latest.current = onError
  useEffect(() => {
    const socket = getSocket()
    const listener = (error: Error) => latest.current(error)
    socket.on('connect_error', listener)
    return () => {
      socket.off('connect_error', listener)
    }
  }, [])
}
