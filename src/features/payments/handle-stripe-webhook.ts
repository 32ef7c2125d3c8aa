import { and, eq } from 'drizzle-orm'
import type { Transaction } from '@/db/client'
import { checkouts, payments, webhookEvents } from '@/db/schema'
import { type BookingOutcome, fulfillBooking } from '@/features/booking/fulfill-booking'
import { logEvent } from '@/features/events/log-event'
import { type ExtensionOutcome, fulfillExtension } from '@/features/extensions/fulfill-extension'
import { publishToSession } from '@/features/realtime/publish'
import { notifySessionChanged } from '@/features/sessions/notify-session-changed'
import { logger } from '@/lib/logger'
import { getContext } from '@/server/context'
import { type CheckoutEvent, parseCheckoutEvent } from './parse-checkout-event'
import { paymentsProvider } from './provider'
import { enqueueRefund } from './refund-payment-job'
import { verifyWebhook } from './verify-webhook'

/** The only event types acted on; anything else is acknowledged and ignored. */
const handledEventTypes = ['checkout.session.completed', 'checkout.session.expired'] as const

export type WebhookResult = { received: true; ignored?: string }

export async function handleStripeWebhook(
  rawBody: string,
  signature: string | null,
): Promise<WebhookResult> {
  const event = verifyWebhook(rawBody, signature, paymentsProvider().webhookSecret)
  if (!(handledEventTypes as readonly string[]).includes(event.type)) {
    return { received: true, ignored: `event type ${event.type} is not handled` }
  }
  const parsed = parseCheckoutEvent(event)
  if (!parsed.ok) return rejectUnusableEvent(parsed)
  return event.type === 'checkout.session.completed'
    ? onCheckoutCompleted(parsed.event)
    : onCheckoutExpired(parsed.event)
}

/** Signed, but nothing we can act on: acknowledged (a 5xx would only bring retries) and logged. */
async function rejectUnusableEvent({
  reason,
  eventId,
  checkoutId,
}: {
  reason: string
  eventId: string | null
  checkoutId: string | null
}): Promise<WebhookResult> {
  await logEvent(getContext().database.db, {
    type: 'payment.rejected',
    actorId: null,
    subjectId: checkoutId,
    data: { eventId, reason },
  })
  logger().warn({ eventId, checkoutId, reason }, 'payment event rejected')
  return { received: true, ignored: `rejected: ${reason}` }
}

type Outcome = BookingOutcome | ExtensionOutcome | { kind: 'duplicate' }

/**
 * One transaction: claim the event id, lock the checkout, check the event against what we sold,
 * fulfil. A failure anywhere rolls everything back and the route answers 5xx so Stripe retries.
 * A rejected event gives its id back: it did nothing, so it must not stop the genuine event with
 * that id (the local checkout's Pay always sends the same one) from going through.
 */
async function onCheckoutCompleted({
  eventId,
  checkoutId,
  session: object,
  providerPaymentId,
}: CheckoutEvent): Promise<WebhookResult> {
  if (object.payment_status !== 'paid') {
    return { received: true, ignored: 'payment not completed yet' }
  }

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
      await releaseEventId(tx, eventId)
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
      await enqueueRefund(tx, payment.id)
      return { kind: 'refund-due', paymentId: payment.id, customerId: checkout.customerId }
    }

    const fulfilled =
      checkout.kind === 'booking'
        ? await fulfillBooking(tx, checkout, providerPaymentId)
        : await fulfillExtension(tx, checkout, providerPaymentId)
    if (fulfilled.kind === 'refund-due') await enqueueRefund(tx, fulfilled.paymentId)
    if (fulfilled.kind === 'rejected') {
      await releaseEventId(tx, eventId)
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
      if ('sessionId' in outcome) await notifySessionChanged(outcome.sessionId)
      return { received: true }
    case 'duplicate':
      return { received: true, ignored: 'already processed' }
    case 'rejected':
      logger().warn({ eventId, checkoutId, reason: outcome.reason }, 'payment event rejected')
      return { received: true, ignored: `rejected: ${outcome.reason}` }
  }
}

async function releaseEventId(tx: Transaction, eventId: string): Promise<void> {
  await tx.delete(webhookEvents).where(eq(webhookEvents.id, eventId))
}

/** Everything the event says about what was bought must match what we sold. */
function metadataDisagrees(
  metadata: Record<string, string> | null | undefined,
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

/** The provider will no longer take payment: an open checkout closes; a paid one stays paid. */
async function onCheckoutExpired({ eventId, checkoutId }: CheckoutEvent): Promise<WebhookResult> {
  if (!checkoutId) return { received: true, ignored: 'no checkout id' }
  const ignored = await getContext().database.db.transaction(async (tx) => {
    const claimed = await tx
      .insert(webhookEvents)
      .values({ id: eventId, type: 'checkout.session.expired' })
      .onConflictDoNothing()
      .returning({ id: webhookEvents.id })
    if (claimed.length === 0) return 'already processed'
    const closed = await tx
      .update(checkouts)
      .set({ status: 'cancelled', completedAt: new Date() })
      .where(and(eq(checkouts.id, checkoutId), eq(checkouts.status, 'open')))
      .returning({ id: checkouts.id })
    return closed.length > 0 ? null : 'checkout is not open'
  })
  return ignored ? { received: true, ignored } : { received: true }
}
