import { and, eq, isNull } from 'drizzle-orm'
import { sessionAlerts } from '@/db/schema'
import { logEvent } from '@/features/events/log-event'
import { notifySessionChanged } from '@/features/sessions/notify-session-changed'
import { AppError } from '@/lib/errors'
import { getContext } from '@/server/context'

/**
 * An admin marks an alert as seen. The conditional update lets two admins click at once and
 * only one acknowledge it; the event keeps who did.
 */
export async function acknowledgeAlert({
  alertId,
  adminId,
}: {
  alertId: number
  adminId: string
}): Promise<{ id: number; acknowledgedAt: string }> {
  const acknowledged = await getContext().database.db.transaction(async (tx) => {
    const [row] = await tx
      .update(sessionAlerts)
      .set({ acknowledgedAt: new Date(), acknowledgedBy: adminId })
      .where(and(eq(sessionAlerts.id, alertId), isNull(sessionAlerts.acknowledgedAt)))
      .returning()
    if (!row) {
      const [existing] = await tx
        .select({ acknowledgedAt: sessionAlerts.acknowledgedAt })
        .from(sessionAlerts)
        .where(eq(sessionAlerts.id, alertId))
      if (!existing) throw new AppError('not_found', 'Alert not found')
      throw new AppError('conflict', 'This alert is already acknowledged', {
        acknowledgedAt: existing.acknowledgedAt?.toISOString() ?? null,
      })
    }
    await logEvent(tx, {
      type: 'monitor.alert_acknowledged',
      actorId: adminId,
      subjectId: row.subjectId,
      data: { alertId: row.id, condition: row.condition, sessionId: row.sessionId },
    })
    return row
  })
  // Other admins' Health pages follow the session's `session:updated`.
  if (acknowledged.sessionId) await notifySessionChanged(acknowledged.sessionId)
  return {
    id: acknowledged.id,
    acknowledgedAt: (acknowledged.acknowledgedAt ?? new Date()).toISOString(),
  }
}
