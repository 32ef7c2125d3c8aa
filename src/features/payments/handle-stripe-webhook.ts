import { eq } from 'drizzle-orm'
import type Stripe from 'stripe'
import { checkouts, payments, webhookEvents } from '@/db/schema'
import { type BookingOutcome, fulfillBooking } from '@/features/booking/fulfill-booking'
import { logEvent } from '@/features/events/log-event'
import { type ExtensionOutcome, fulfillExtension } from '@/features/extensions/fulfill-extension'
import { publishToSession } from '@/features/realtime/publish'
import { notifySessionChanged } from '@/features/sessions/notify-session-changed'
import { logger } from '@/lib/logger'
import { getContext } from '@/server/context'
import { paymentsProvider } from './provider'
import { refundPayment } from './refund-payment'
import { verifyWebhook } from './verify-webhook'

/** The only event types acted on; anything else is acknowledged and ignored. */
export const handledEventTypes = ['checkout.session.completed', 'checkout.session.expired'] as const

export type WebhookResult = { received: true; ignored?: string }

export async function handleStripeWebhook(
  rawBody: string,
  signature: string | null,
): Promise<WebhookResult> {
  const event = verifyWebhook(rawBody, signature, paymentsProvider().webhookSecret)
  switch (event.type) {
    case 'checkout.session.completed':
      return onCheckoutCompleted(event.id, event.data.object)
    case 'checkout.session.expired':
      return onCheckoutExpired(event.id, event.data.object)
    default:
      return { received: true, ignored: `event type ${event.type} is not handled` }
  }
}

type Outcome = BookingOutcome | ExtensionOutcome | { kind: 'duplicate' }

/**
 * One transaction: claim the event id, lock the checkout, check the event against what we sold,
 * fulfil. A failure anywhere rolls everything back and the route answers 5xx so Stripe retries.
 */
async function onCheckoutCompleted(
  eventId: string,
  object: Stripe.Checkout.Session,
): Promise<WebhookResult> {
  if (object.payment_status !== 'paid') {
    return { received: true, ignored: 'payment not completed yet' }
  }
  const checkoutId = object.metadata?.checkoutId ?? object.client_reference_id
  const providerPaymentId =
    typeof object.payment_intent === 'string' ? object.payment_intent : object.payment_intent?.id

  const outcome = await getContext().database.db.transaction(async (tx): Promise<Outcome> => {
    const claimed = await tx
      .insert(webhookEvents)
      .values({ id: eventId, type: 'checkout.session.completed' })
      .onConflictDoNothing()
      .returning({ id: webhookEvents.id })
    if (claimed.length === 0) return { kind: 'duplicate' }

    const [checkout] = checkoutId
      ? await tx.select().from(checkouts).where(eq(checkouts.id, checkoutId)).for('update')
      : []
    const mismatch = !checkout
      ? 'unknown checkout'
      : !providerPaymentId
        ? 'no payment id'
        : object.id !== checkout.providerCheckoutId
          ? 'checkout id mismatch'
          : object.amount_total !== checkout.amountCents
            ? 'amount mismatch'
            : object.currency !== checkout.currency
              ? 'currency mismatch'
              : metadataDisagrees(object.metadata, checkout)
                ? 'metadata mismatch'
                : null
    if (mismatch || !checkout || !providerPaymentId) {
      await logEvent(tx, {
        type: 'payment.rejected',
        actorId: null,
        subjectId: checkoutId ?? null,
        data: { eventId, reason: mismatch },
      })
      return { kind: 'rejected', reason: mismatch ?? 'invalid' }
    }
    // Paid already through an earlier event with another id.
    if (checkout.status === 'paid') return { kind: 'duplicate' }

    if (checkout.status === 'cancelled') {
      const [payment] = await tx
        .insert(payments)
        .values({
          checkoutId: checkout.id,
          sessionId: checkout.sessionId,
          provider: checkout.provider,
          providerPaymentId,
          amountCents: checkout.amountCents,
          currency: checkout.currency,
          refundRequestedAt: new Date(),
          refundReason: 'checkout_cancelled',
        })
        .returning({ id: payments.id })
      await tx
        .update(checkouts)
        .set({ status: 'paid', completedAt: new Date() })
        .where(eq(checkouts.id, checkout.id))
      if (!payment) throw new Error('payment insert returned nothing')
      return { kind: 'refund-due', paymentId: payment.id, customerId: checkout.customerId }
    }

    const fulfilled =
      checkout.kind === 'booking'
        ? await fulfillBooking(tx, checkout, providerPaymentId)
        : await fulfillExtension(tx, checkout, providerPaymentId)
    if (fulfilled.kind === 'rejected') {
      await logEvent(tx, {
        type: 'payment.rejected',
        actorId: null,
        subjectId: checkout.sessionId ?? checkout.id,
        data: { eventId, reason: fulfilled.reason },
      })
    }
    return fulfilled
  })

  switch (outcome.kind) {
    case 'session-created':
      await notifySessionChanged(outcome.sessionId)
      return { received: true }
    case 'extended':
      publishToSession(outcome.sessionId, 'session:extended', {
        sessionId: outcome.sessionId,
        minutes: outcome.minutes,
        expiresAt: outcome.expiresAt?.toISOString() ?? null,
        serverNow: new Date().toISOString(),
      })
      await notifySessionChanged(outcome.sessionId)
      return { received: true }
    case 'refund-due':
      await refundPayment(outcome.paymentId)
      if ('sessionId' in outcome) await notifySessionChanged(outcome.sessionId)
      return { received: true }
    case 'duplicate':
      return { received: true, ignored: 'already processed' }
    case 'rejected':
      logger().warn({ eventId, checkoutId, reason: outcome.reason }, 'payment event rejected')
      return { received: true, ignored: `rejected: ${outcome.reason}` }
  }
}

/** Everything the event says about what was bought must match what we sold. */
function metadataDisagrees(
  metadata: Stripe.Metadata | null,
  checkout: typeof checkouts.$inferSelect,
): boolean {
  if (metadata?.kind !== checkout.kind || metadata?.customerId !== checkout.customerId) return true
  if ((metadata.sessionId ?? null) !== (checkout.sessionId ?? null)) return true
  for (const key of ['plan', 'option'] as const) {
    if ((metadata[key] ?? null) !== ((checkout.details[key] as string | undefined) ?? null))
      return true
  }
  return false
}

async function onCheckoutExpired(
  eventId: string,
  object: Stripe.Checkout.Session,
): Promise<WebhookResult> {
  const checkoutId = object.metadata?.checkoutId ?? object.client_reference_id
  if (!checkoutId) return { received: true, ignored: 'no checkout id' }
  await getContext().database.db.transaction(async (tx) => {
    const claimed = await tx
      .insert(webhookEvents)
      .values({ id: eventId, type: 'checkout.session.expired' })
      .onConflictDoNothing()
      .returning({ id: webhookEvents.id })
    if (claimed.length === 0) return
    await tx
      .update(checkouts)
      .set({ status: 'cancelled', completedAt: new Date() })
      .where(eq(checkouts.id, checkoutId))
  })
  return { received: true }
}
