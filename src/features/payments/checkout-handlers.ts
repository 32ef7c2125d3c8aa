import type { Transaction } from '@/db/client'
import type { checkouts } from '@/db/schema'

export type Checkout = typeof checkouts.$inferSelect
export type CheckoutKind = Checkout['kind']

/** What fulfilling a paid checkout came to, decided inside the webhook's transaction. */
export type Fulfilment =
  | { kind: 'fulfilled'; announce: () => Promise<unknown> }
  | { kind: 'refund-due'; paymentId: string; announce?: () => Promise<unknown> }
  | { kind: 'rejected'; reason: string }

/**
 * Turns a paid checkout of one kind into what was bought, in the caller's transaction. The
 * handler that changes something also says how to announce it: `announce` runs after the commit,
 * so nobody hears of a change that was rolled back.
 */
export type FulfilCheckout = (
  tx: Transaction,
  checkout: Checkout,
  providerPaymentId: string,
) => Promise<Fulfilment>

/**
 * One handler per kind of checkout. The webhook receives it from composition
 * (`src/server/checkout-handlers.ts`), so payments knows nothing of bookings or extensions.
 */
export type CheckoutHandlers = Record<CheckoutKind, FulfilCheckout>
