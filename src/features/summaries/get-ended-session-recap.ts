import { and, eq } from 'drizzle-orm'
import { sessions } from '@/db/schema'
import { getContext } from '@/server/context'

export type EndedVehicle = { year: number; make: string; model: string }

/** The vehicle of the customer's own session, for "Book again" (null for anyone else's). */
export async function getVehicleOfSession(
  customerId: string,
  sessionId: string,
): Promise<EndedVehicle | null> {
  const [row] = await getContext()
    .database.db.select({
      year: sessions.vehicleYear,
      make: sessions.vehicleMake,
      model: sessions.vehicleModel,
    })
    .from(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.customerId, customerId)))
  return row ?? null
}
