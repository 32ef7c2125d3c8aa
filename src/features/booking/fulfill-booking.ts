import { and, eq, inArray } from 'drizzle-orm'
import { sessions, users } from '@/db/schema'
import type { PlanId } from '@/features/catalogue/catalogue'
import type { FulfilCheckout } from '@/features/payments/checkout-handlers'
import { recordPayment } from '@/features/payments/record-payment'
import { createPendingSession } from '@/features/sessions/create-pending-session'
import { notifySessionChanged } from '@/features/sessions/notify-session-changed'
import { activeStatuses } from '@/features/sessions/statuses'
import type { BookingDetails } from './schemas'

/**
 * Turns a paid booking checkout into a pending session, inside the webhook's transaction.
 * A customer who meanwhile got another active session is refunded instead.
 */
export const fulfillBooking: FulfilCheckout = async (tx, checkout, providerPaymentId) => {
  const details = checkout.details as BookingDetails
  // Two paid bookings of one customer may arrive at once: the second waits here until the first
  // commits, then finds its session and refunds instead of tripping the one-active index.
  await tx
    .select({ id: users.id })
    .from(users)
    .where(eq(users.id, checkout.customerId))
    .for('update')

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
    const payment = await recordPayment(tx, {
      checkout,
      providerPaymentId,
      refundReason: 'customer_has_active_session',
    })
    return { kind: 'refund-due', paymentId: payment.id }
  }

  const session = await createPendingSession(tx, {
    customerId: checkout.customerId,
    plan: details.plan as PlanId,
    vehicle: details.vehicle,
    concern: details.concern,
    amountCents: checkout.amountCents,
  })
  await recordPayment(tx, { checkout, providerPaymentId, sessionId: session.id })
  return { kind: 'fulfilled', announce: () => notifySessionChanged(session.id) }
}
