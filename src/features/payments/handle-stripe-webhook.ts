import { and, eq } from 'drizzle-orm'
import type { Transaction } from '@/db/client'
import { checkouts, webhookEvents } from '@/db/schema'
import { logEvent } from '@/features/events/log-event'
import { logger } from '@/lib/logger'
import { getContext } from '@/server/context'
import type { CheckoutHandlers, Fulfilment } from './checkout-handlers'
import { type CheckoutEvent, parseCheckoutEvent } from './parse-checkout-event'
import { paymentsProvider } from './provider'
import { recordPayment } from './record-payment'
import { enqueueRefund } from './refund-payment-job'
import { verifyWebhook } from './verify-webhook'

/** The only event types acted on; anything else is acknowledged and ignored. */
const handledEventTypes = ['checkout.session.completed', 'checkout.session.expired'] as const

export type WebhookResult = { received: true; ignored?: string }

/** `handlers` fulfil each kind of checkout; composition passes them (`src/server/checkout-handlers.ts`). */
export async function handleStripeWebhook(
  rawBody: string,
  signature: string | null,
  handlers: CheckoutHandlers,
): Promise<WebhookResult> {
  const event = verifyWebhook(rawBody, signature, paymentsProvider().webhookSecret)
  // The signature covers any JSON, `null` included; only an object can be an event.
  if (typeof event !== 'object' || event === null || Array.isArray(event)) {
    return rejectUnusableEvent({ reason: 'not an event object', eventId: null, checkoutId: null })
  }
  if (!(handledEventTypes as readonly string[]).includes(event.type)) {
    return { received: true, ignored: `event type ${event.type} is not handled` }
  }
  const parsed = parseCheckoutEvent(event)
  if (!parsed.ok) return rejectUnusableEvent(parsed)
  return event.type === 'checkout.session.completed'
    ? onCheckoutCompleted(parsed.event, handlers)
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

type Outcome = Fulfilment | { kind: 'duplicate' }

/**
 * One transaction: claim the event id, lock the checkout, check the event against what we sold,
 * fulfil. A failure anywhere rolls everything back and the route answers 5xx so Stripe retries.
 * A rejected event gives its id back: it did nothing, so it must not stop the genuine event with
 * that id (the local checkout's Pay always sends the same one) from going through.
 */
async function onCheckoutCompleted(
  { eventId, checkoutId, session: object, providerPaymentId }: CheckoutEvent,
  handlers: CheckoutHandlers,
): Promise<WebhookResult> {
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
      const payment = await recordPayment(tx, {
        checkout,
        providerPaymentId,
        refundReason: 'checkout_cancelled',
      })
      await enqueueRefund(tx, payment.id)
      return { kind: 'refund-due', paymentId: payment.id }
    }

    const fulfilled = await handlers[checkout.kind](tx, checkout, providerPaymentId)
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
    case 'fulfilled':
      await outcome.announce()
      return { received: true }
    case 'refund-due':
      await outcome.announce?.()
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
