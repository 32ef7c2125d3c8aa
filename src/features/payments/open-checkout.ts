import { eq } from 'drizzle-orm'
import { checkouts } from '@/db/schema'
import type { SessionUser } from '@/features/auth/session-user'
import { hitRateLimit } from '@/features/limits/hit-rate-limit'
import { checkoutLimit } from '@/features/limits/rate-limits'
import { getContext } from '@/server/context'
import { type PaymentsProvider, paymentsProvider } from './provider'

export type OpenCheckoutInput = {
  kind: 'booking' | 'extension'
  customer: SessionUser
  sessionId?: string
  amountCents: number
  description: string
  /** What was bought, kept on our side (Stripe metadata values are limited to 500 characters). */
  details: Record<string, unknown>
  /** Extra metadata for the provider; kind, checkout id and customer are always included. */
  metadata?: Record<string, string>
  successPath: string
  cancelPath: string
}

/**
 * Records the checkout, then opens it with the provider (its id doubles as the idempotency key).
 * If the provider fails, the record goes too: a checkout that never opened leaves nothing behind.
 */
export type OpenedCheckout = {
  checkoutId: string
  url: string
  /** `local` can be paid without leaving the page; Stripe's hosted page is a redirect. */
  provider: PaymentsProvider['name']
}

export async function openCheckout(input: OpenCheckoutInput): Promise<OpenedCheckout> {
  await hitRateLimit(checkoutLimit, input.customer.id)
  const { database, env } = getContext()
  const { db } = database
  const provider = paymentsProvider()
  const [checkout] = await db
    .insert(checkouts)
    .values({
      kind: input.kind,
      customerId: input.customer.id,
      sessionId: input.sessionId,
      provider: provider.name,
      amountCents: input.amountCents,
      details: input.details,
      successPath: input.successPath,
      cancelPath: input.cancelPath,
    })
    .returning({ id: checkouts.id })
  if (!checkout) throw new Error('checkout insert returned nothing')

  const withCheckout = (path: string) => path.replace('{checkoutId}', checkout.id)
  try {
    const { providerCheckoutId, url } = await provider.createCheckout({
      checkoutId: checkout.id,
      description: input.description,
      amountCents: input.amountCents,
      currency: 'usd',
      customerEmail: input.customer.email,
      metadata: {
        ...input.metadata,
        kind: input.kind,
        checkoutId: checkout.id,
        customerId: input.customer.id,
        ...(input.sessionId ? { sessionId: input.sessionId } : {}),
      },
      successUrl: new URL(withCheckout(input.successPath), env.appUrl).toString(),
      cancelUrl: new URL(withCheckout(input.cancelPath), env.appUrl).toString(),
    })
    await db
      .update(checkouts)
      .set({
        providerCheckoutId,
        successPath: withCheckout(input.successPath),
        cancelPath: withCheckout(input.cancelPath),
      })
      .where(eq(checkouts.id, checkout.id))
    return { checkoutId: checkout.id, url, provider: provider.name }
  } catch (error) {
    await db.delete(checkouts).where(eq(checkouts.id, checkout.id))
    throw error
  }
}
