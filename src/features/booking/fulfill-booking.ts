import { and, eq, inArray } from 'drizzle-orm'
import type { Transaction } from '@/db/client'
import { checkouts, payments, sessions, users } from '@/db/schema'
import { logEvent } from '@/features/events/log-event'
import { type PlanId, plans } from '@/features/catalogue/catalogue'
import { activeStatuses } from '@/features/sessions/statuses'
import { env } from '@/lib/env'
import type { BookingDetails } from './schemas'

type Checkout = typeof checkouts.$inferSelect

export type BookingOutcome =
  | { kind: 'session-created'; sessionId: string; customerId: string }
  | { kind: 'refund-due'; paymentId: string; customerId: string }

export function planSeconds(planId: PlanId): number {
  return env().SESSION_SECONDS_OVERRIDE ?? plans[planId].minutes * 60
}

/**
 * Turns a paid booking checkout into a pending session, inside the webhook's transaction.
 * A customer who meanwhile got another active session is refunded instead.
 */
export async function fulfillBooking(
  tx: Transaction,
  checkout: Checkout,
  providerPaymentId: string,
): Promise<BookingOutcome> {
  const details = checkout.details as BookingDetails
  // Two paid bookings of one customer may arrive at once: the second waits here until the first
  // commits, then finds its session and refunds instead of tripping the one-active index.
  await tx
    .select({ id: users.id })
    .from(users)
    .where(eq(users.id, checkout.customerId))
    .for('update')
  const [payment] = await tx
    .insert(payments)
    .values({
      checkoutId: checkout.id,
      provider: checkout.provider,
      providerPaymentId,
      amountCents: checkout.amountCents,
      currency: checkout.currency,
    })
    .returning({ id: payments.id })
  if (!payment) throw new Error('payment insert returned nothing')

  const [active] = await tx
    .select({ id: sessions.id })
    .from(sessions)
    .where(
      and(
        eq(sessions.customerId, checkout.customerId),
        inArray(sessions.status, [...activeStatuses]),
      ),
    )
  if (active) {
    await tx
      .update(payments)
      .set({ refundRequestedAt: new Date(), refundReason: 'customer_has_active_session' })
      .where(eq(payments.id, payment.id))
    await tx
      .update(checkouts)
      .set({ status: 'paid', completedAt: new Date() })
      .where(eq(checkouts.id, checkout.id))
    return { kind: 'refund-due', paymentId: payment.id, customerId: checkout.customerId }
  }

  const planId = details.plan as PlanId
  const [session] = await tx
    .insert(sessions)
    .values({
      customerId: checkout.customerId,
      plan: planId,
      status: 'pending',
      vehicleYear: details.vehicle.year,
      vehicleMake: details.vehicle.make,
      vehicleModel: details.vehicle.model,
      concern: details.concern,
      durationSeconds: planSeconds(planId),
    })
    .returning({ id: sessions.id })
  if (!session) throw new Error('session insert returned nothing')

  await tx.update(payments).set({ sessionId: session.id }).where(eq(payments.id, payment.id))
  await tx
    .update(checkouts)
    .set({ status: 'paid', completedAt: new Date(), sessionId: session.id })
    .where(eq(checkouts.id, checkout.id))
  await logEvent(tx, {
    type: 'session.transition',
    actorId: checkout.customerId,
    subjectId: session.id,
    data: { from: null, to: 'pending', reason: 'paid', amountCents: checkout.amountCents },
  })
  return { kind: 'session-created', sessionId: session.id, customerId: checkout.customerId }
}
