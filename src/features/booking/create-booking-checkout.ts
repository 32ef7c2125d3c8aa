import { and, eq, inArray } from 'drizzle-orm'
import { sessions } from '@/db/schema'
import type { SessionUser } from '@/features/auth/session-user'
import { type PlanId, plans } from '@/features/catalogue/catalogue'
import { openCheckout } from '@/features/payments/open-checkout'
import { activeStatuses } from '@/features/sessions/statuses'
import { AppError } from '@/lib/errors'
import { getContext } from '@/server/context'
import type { BookingDetails, BookingInput } from './schemas'

/**
 * Opens a checkout for a plan at the server's price. Nothing exists in the queue until the
 * provider's webhook says it is paid.
 */
export async function createBookingCheckout(
  customer: SessionUser,
  input: BookingInput,
): Promise<{ checkoutId: string; url: string }> {
  const [active] = await getContext()
    .database.db.select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.customerId, customer.id), inArray(sessions.status, [...activeStatuses])))
  if (active) {
    throw new AppError('conflict', 'You already have an active session', { sessionId: active.id })
  }
  const plan = plans[input.plan as PlanId]
  const details: BookingDetails = { plan: plan.id, vehicle: input.vehicle, concern: input.concern }
  return openCheckout({
    kind: 'booking',
    customer,
    amountCents: plan.priceCents,
    description: `AutoDoctor ${plan.label} session (${plan.minutes} min)`,
    details,
    metadata: { plan: plan.id },
    successPath: '/customer?booked={checkoutId}',
    cancelPath: '/customer?cancelled={checkoutId}',
  })
}
