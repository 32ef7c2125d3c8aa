import { asc, eq } from 'drizzle-orm'
import { sessions } from '@/db/schema'
import { plans } from '@/features/catalogue/catalogue'
import { getContext } from '@/server/context'

export type QueueItem = {
  sessionId: string
  plan: string
  planLabel: string
  type: 'chat' | 'video'
  minutes: number
  vehicle: { year: number; make: string; model: string }
  concern: string
  requestedAt: string
}

/** Paid requests waiting for a mechanic, oldest first. */
export async function listQueue(): Promise<QueueItem[]> {
  const rows = await getContext()
    .database.db.select({
      id: sessions.id,
      plan: sessions.plan,
      durationSeconds: sessions.durationSeconds,
      vehicleYear: sessions.vehicleYear,
      vehicleMake: sessions.vehicleMake,
      vehicleModel: sessions.vehicleModel,
      concern: sessions.concern,
      requestedAt: sessions.requestedAt,
    })
    .from(sessions)
    .where(eq(sessions.status, 'pending'))
    .orderBy(asc(sessions.requestedAt))
    .limit(200)
  return rows.map((row) => ({
    sessionId: row.id,
    plan: row.plan,
    planLabel: plans[row.plan].label,
    type: plans[row.plan].type,
    minutes: Math.round(row.durationSeconds / 60),
    vehicle: { year: row.vehicleYear, make: row.vehicleMake, model: row.vehicleModel },
    concern: row.concern,
    requestedAt: row.requestedAt.toISOString(),
  }))
}
