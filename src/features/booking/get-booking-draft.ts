import { and, desc, eq } from 'drizzle-orm'
import { checkouts, sessions } from '@/db/schema'
import { type PlanId, planIds } from '@/features/catalogue/catalogue'
import { getContext } from '@/server/context'
import type { BookingDetails } from './schemas'

/** What the booking form starts from: the customer's last booking that never reached a mechanic. */
export type BookingDraft = {
  plan: PlanId
  vehicle: { year: number; make: string; model: string }
  concern: string
}

/**
 * The details of the customer's latest booking, when it never got to a mechanic: its checkout
 * is still open (Back from the payment page) or was cancelled, or it was paid and then expired
 * or was withdrawn before anyone accepted. Kept on the server, so the form is filled again
 * whatever the browser forgot (see docs/adr/0041).
 */
export async function getBookingDraft(customerId: string): Promise<BookingDraft | null> {
  const [latest] = await getContext()
    .database.db.select({
      details: checkouts.details,
      status: checkouts.status,
      sessionStatus: sessions.status,
      mechanicId: sessions.mechanicId,
    })
    .from(checkouts)
    .leftJoin(sessions, eq(sessions.id, checkouts.sessionId))
    .where(and(eq(checkouts.customerId, customerId), eq(checkouts.kind, 'booking')))
    .orderBy(desc(checkouts.createdAt))
    .limit(1)
  if (!latest) return null
  const unserved =
    latest.status !== 'paid' ||
    latest.sessionStatus === 'expired' ||
    (latest.sessionStatus === 'cancelled' && latest.mechanicId === null)
  return unserved ? toDraft(latest.details as Partial<BookingDetails>) : null
}

/** Checkout details are stored JSON; only a complete, known shape becomes a draft. */
function toDraft(details: Partial<BookingDetails>): BookingDraft | null {
  const { plan, vehicle, concern } = details
  if (!plan || !planIds.includes(plan as PlanId) || !vehicle || typeof concern !== 'string') {
    return null
  }
  return {
    plan: plan as PlanId,
    vehicle: { year: vehicle.year, make: vehicle.make, model: vehicle.model },
    concern,
  }
}
