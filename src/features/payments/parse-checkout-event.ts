import type Stripe from 'stripe'
import { z } from 'zod'
import { isUuid } from '@/lib/ids'
import { storableText } from '@/lib/user-text'

/** The fields of a Checkout Session we read; a signed event can still carry anything. */
const checkoutSessionSchema = z.object({
  id: z.string(),
  payment_status: z.string(),
  amount_total: z.number().int().nullable(),
  currency: z.string().nullable(),
  client_reference_id: z.string().nullish(),
  metadata: z.record(z.string(), z.string()).nullish(),
  payment_intent: z.union([z.string(), z.object({ id: z.string() })]).nullish(),
})

const checkoutEventSchema = z.object({
  // Stored as our idempotency key and in event rows: text PostgreSQL can hold.
  id: storableText().min(1).max(255),
  data: z.object({ object: checkoutSessionSchema }),
})

/** Just the checkout an otherwise unusable event names, so its rejection is filed under it. */
const namedCheckout = z.object({
  data: z.object({ object: z.object({ metadata: z.object({ checkoutId: z.uuid() }) }) }),
})

export type CheckoutEvent = {
  eventId: string
  /** Our checkout's id; null when the event names none. */
  checkoutId: string | null
  session: z.infer<typeof checkoutSessionSchema>
  /** The PaymentIntent's id, present once paid. */
  providerPaymentId: string | null
}

export type ParsedCheckoutEvent =
  | { ok: true; event: CheckoutEvent }
  | { ok: false; reason: string; eventId: string | null; checkoutId: string | null }

/**
 * Reads a verified checkout event. Anything we cannot use comes back as a reason, never as an
 * exception: the route must acknowledge it rather than answer 5xx (Stripe would retry for days).
 */
export function parseCheckoutEvent(event: Stripe.Event): ParsedCheckoutEvent {
  const parsed = checkoutEventSchema.safeParse(event)
  if (!parsed.success) {
    const path = parsed.error.issues[0]?.path.join('.') ?? ''
    const rawId = (event as { id?: unknown }).id
    return {
      ok: false,
      reason: `malformed event${path ? ` (${path})` : ''}`,
      eventId: typeof rawId === 'string' && storableId(rawId) ? rawId : null,
      checkoutId: namedCheckout.safeParse(event).data?.data.object.metadata.checkoutId ?? null,
    }
  }
  const { id: eventId, data } = parsed.data
  const session = data.object
  const named = session.metadata?.checkoutId ?? session.client_reference_id ?? null
  if (named !== null && !isUuid(named)) {
    return { ok: false, reason: 'unknown checkout', eventId, checkoutId: null }
  }
  const intent = session.payment_intent
  return {
    ok: true,
    event: {
      eventId,
      checkoutId: named,
      session,
      providerPaymentId: typeof intent === 'string' ? intent : (intent?.id ?? null),
    },
  }
}

function storableId(id: string): boolean {
  return checkoutEventSchema.shape.id.safeParse(id).success
}
