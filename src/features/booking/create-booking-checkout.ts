import { and, eq, inArray } from 'drizzle-orm'
import { checkouts, sessions } from '@/db/schema'
import type { SessionUser } from '@/features/auth/session-user'
import { paymentsProvider } from '@/features/payments/provider'
import { formatPrice, type PlanId, plans } from '@/features/sessions/plans'
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
  const { database, env } = getContext()
  const { db } = database
  const [active] = await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.customerId, customer.id), inArray(sessions.status, [...activeStatuses])))
  if (active) {
    throw new AppError('conflict', 'You already have an active session', { sessionId: active.id })
  }

  const plan = plans[input.plan as PlanId]
  const details: BookingDetails = { plan: plan.id, vehicle: input.vehicle, concern: input.concern }
  const provider = paymentsProvider()
  const [checkout] = await db
    .insert(checkouts)
    .values({
      kind: 'booking',
      customerId: customer.id,
      provider: provider.name,
      amountCents: plan.priceCents,
      details,
    })
    .returning({ id: checkouts.id })
  if (!checkout) throw new Error('checkout insert returned nothing')

  try {
    const { providerCheckoutId, url } = await provider.createCheckout({
      checkoutId: checkout.id,
      description: `AutoDoctor ${plan.label} session (${plan.minutes} min)`,
      amountCents: plan.priceCents,
      currency: 'usd',
      customerEmail: customer.email,
      metadata: { kind: 'booking', checkoutId: checkout.id, customerId: customer.id, plan: plan.id },
      successUrl: `${env.appUrl}/customer?booked=${checkout.id}`,
      cancelUrl: `${env.appUrl}/customer?cancelled=${checkout.id}`,
    })
    await db.update(checkouts).set({ providerCheckoutId }).where(eq(checkouts.id, checkout.id))
    return { checkoutId: checkout.id, url }
  } catch (error) {
    await db.delete(checkouts).where(eq(checkouts.id, checkout.id))
    throw error
  }
}

export function describePlanPrice(planId: PlanId): string {
  return formatPrice(plans[planId].priceCents)
}
