'use client'

import { useEffect, useRef } from 'react'
import { getSocket } from './socket'

/** Subscribes a component to a server event on the tab's shared socket. */
export function useSocketEvent<T>(event: string, handler: (payload: T) => void): void {
  const latest = useRef(handler)
  latest.current = handler
  useEffect(() => {
    const socket = getSocket()
    const listener = (payload: T) => latest.current(payload)
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
