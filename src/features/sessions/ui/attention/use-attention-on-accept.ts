'use client'

import { useEffect, useRef } from 'react'
import type { SessionStatus } from '../../statuses'
import { callForAttention } from './call-for-attention'

/**
 * Calls the customer when the request this page showed waiting has been accepted. Only a change
 * seen by this page counts: opening the dashboard on an accepted session stays quiet.
 */
export function useAttentionOnAccept(
  sessionId: string,
  status: SessionStatus,
  mechanicName: string | null,
): void {
  const seenWaiting = useRef<string | null>(null)
  useEffect(() => {
    if (status === 'pending') {
      seenWaiting.current = sessionId
      return
    }
    if (seenWaiting.current !== sessionId) return
    seenWaiting.current = null
    callForAttention({
      title: 'Mechanic found',
      body: `${mechanicName ?? 'A mechanic'} accepted your request. Join the session when you are ready.`,
      tag: `accepted-${sessionId}`,
    })
  }, [sessionId, status, mechanicName])
}
