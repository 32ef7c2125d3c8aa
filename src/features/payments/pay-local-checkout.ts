import { and, eq } from 'drizzle-orm'
import { z } from 'zod'
import { checkouts } from '@/db/schema'
import { AppError } from '@/lib/errors'
import { isUuid } from '@/lib/ids'
import { logger } from '@/lib/logger'
import { getContext } from '@/server/context'
import { paymentsProvider } from './provider'
import { signWebhookPayload } from './verify-webhook'

type Checkout = typeof checkouts.$inferSelect

export async function getLocalCheckout(checkoutId: string, customerId: string): Promise<Checkout> {
  // A malformed id is simply not found (the uuid column would reject it with a 500).
  if (paymentsProvider().name !== 'local' || !isUuid(checkoutId))
    throw new AppError('not_found', 'Checkout not found')
  const [checkout] = await getContext()
    .database.db.select()
    .from(checkouts)
    .where(
      and(
        eq(checkouts.id, checkoutId),
        eq(checkouts.customerId, customerId),
        eq(checkouts.provider, 'local'),
      ),
    )
  if (!checkout) throw new AppError('not_found', 'Checkout not found')
  return checkout
}

/**
 * "Pay" on the local checkout: build the event Stripe would send for this checkout, sign it with
 * the local secret and post it to our own webhook route, the same path a real payment takes.
 */
export async function payLocalCheckout({
  checkoutId,
  customerId,
}: {
  checkoutId: string
  customerId: string
}): Promise<{ returnUrl: string }> {
  const checkout = await getLocalCheckout(checkoutId, customerId)
  if (checkout.status === 'cancelled') throw new AppError('conflict', 'This checkout was cancelled')
  const returnUrl = returnUrlFor(checkout, 'success')
  if (checkout.status === 'paid') return { returnUrl }

  const ignored = await postToWebhook(buildCompletedEvent(checkout))
  // Report what the webhook did, not that it answered: only a paid checkout has a return URL.
  const [after] = await getContext()
    .database.db.select({ status: checkouts.status })
    .from(checkouts)
    .where(eq(checkouts.id, checkout.id))
  if (after?.status === 'paid') return { returnUrl }
  if (after?.status === 'cancelled') throw new AppError('conflict', 'This checkout was cancelled')
  const reason = ignored?.replace(/^rejected: /, '') ?? 'it was not recorded'
  throw new AppError('conflict', `The payment was not accepted: ${reason}`)
}

const WEBHOOK_TIMEOUT_MS = 15_000
const webhookAnswer = z.object({ ignored: z.string().optional() })

/** Posts the signed event to our own webhook route; returns why it was ignored, if it was. */
async function postToWebhook(event: ReturnType<typeof buildCompletedEvent>) {
  const payload = JSON.stringify(event)
  const unavailable = new AppError('unavailable', 'The payment could not be processed. Try again.')
  let response: Response
  try {
    response = await fetch(new URL('/api/webhooks/stripe', getContext().env.appUrl), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'stripe-signature': signWebhookPayload(payload, paymentsProvider().webhookSecret),
      },
      body: payload,
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    })
  } catch (error) {
    // Our own server unreachable at APP_URL (or too slow): the same as a failed webhook.
    logger().error({ err: error }, 'local checkout could not reach the webhook')
    throw unavailable
  }
  if (!response.ok) throw unavailable
  const answer = webhookAnswer.safeParse(await response.json().catch(() => null))
  return answer.success ? answer.data.ignored : undefined
}

export function buildCompletedEvent(checkout: Checkout) {
  const metadata: Record<string, string> = {
    kind: checkout.kind,
    checkoutId: checkout.id,
    customerId: checkout.customerId,
  }
  // The same metadata openCheckout gave the provider, so the webhook's cross-check is the same.
  for (const key of ['plan', 'option'] as const) {
    const value = checkout.details[key]
    if (typeof value === 'string') metadata[key] = value
  }
  if (checkout.sessionId) metadata.sessionId = checkout.sessionId
  return {
    // One completion event per checkout, as with Stripe: a retried Pay redelivers the same id.
    id: `evt_local_${checkout.id.replaceAll('-', '')}`,
    object: 'event',
    type: 'checkout.session.completed',
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    data: {
      object: {
        id: checkout.providerCheckoutId,
        object: 'checkout.session',
        mode: 'payment',
        status: 'complete',
        payment_status: 'paid',
        amount_total: checkout.amountCents,
        currency: checkout.currency,
        client_reference_id: checkout.id,
        metadata,
        payment_intent: `pi_local_${checkout.id.replaceAll('-', '')}`,
      },
    },
  }
}

export function returnUrlFor(checkout: Checkout, outcome: 'success' | 'cancel'): string {
  return outcome === 'success' ? checkout.successPath : checkout.cancelPath
}
