import type { Transaction } from '@/db/client'
import { type MonitorCondition, sessionAlerts } from '@/db/schema'
import { logEvent } from '@/features/events/log-event'
import { logger } from '@/lib/logger'

export type AlertInput = {
  condition: MonitorCondition
  /** The session's id, or the checkout's. */
  subjectId: string
  sessionId: string | null
  ageSeconds: number
  thresholdSeconds: number
  /** Why, in one word for machines (`accepted_not_started`, `waiting_for_participant`, …). */
  reason: string
  now: Date
  data?: Record<string, unknown>
}

/**
 * Claims a condition for one subject: the insert wins once, ever, across runs and instances, and
 * the `monitor.<condition>` event is written in the same transaction. Returns false when another
 * run already acted (the caller then does nothing).
 */
export async function raiseAlert(tx: Transaction, input: AlertInput): Promise<boolean> {
  const [claimed] = await tx
    .insert(sessionAlerts)
    .values({
      condition: input.condition,
      subjectId: input.subjectId,
      sessionId: input.sessionId,
      ageSeconds: input.ageSeconds,
      thresholdSeconds: input.thresholdSeconds,
      createdAt: input.now,
    })
    .onConflictDoNothing({ target: [sessionAlerts.condition, sessionAlerts.subjectId] })
    .returning({ id: sessionAlerts.id })
  if (!claimed) return false
  const data = {
    actor: 'system',
    reason: input.reason,
    sessionId: input.sessionId,
    thresholdSeconds: input.thresholdSeconds,
    ageSeconds: input.ageSeconds,
    alertId: claimed.id,
    ...input.data,
  }
  await logEvent(tx, {
    type: `monitor.${input.condition}`,
    actorId: null,
    subjectId: input.subjectId,
    data,
  })
  logger().info(
    { event: `monitor.${input.condition}`, subjectId: input.subjectId, ...data },
    'monitor acted',
  )
  return true
}
