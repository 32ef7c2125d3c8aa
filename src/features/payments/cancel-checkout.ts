import { and, eq } from 'drizzle-orm'
import { checkouts } from '@/db/schema'
import { publishToSession } from '@/features/realtime/notify'
import { AppError } from '@/lib/errors'
import { getContext } from '@/server/context'
import { paymentsProvider } from './provider'

/** The customer backed out: the checkout can no longer be paid and nothing else changes. */
export async function cancelCheckout({
  checkoutId,
  customerId,
}: {
  checkoutId: string
  customerId: string
}): Promise<void> {
  const { db } = getContext().database
  const [checkout] = await db
    .select()
    .from(checkouts)
    .where(and(eq(checkouts.id, checkoutId), eq(checkouts.customerId, customerId)))
  if (!checkout) throw new AppError('not_found', 'Checkout not found')
  if (checkout.status !== 'open') return
  if (checkout.providerCheckoutId)
    await paymentsProvider().cancelCheckout(checkout.providerCheckoutId)
  const [cancelled] = await db
    .update(checkouts)
    .set({ status: 'cancelled', completedAt: new Date() })
    .where(and(eq(checkouts.id, checkoutId), eq(checkouts.status, 'open')))
    .returning({ id: checkouts.id })
  if (cancelled && checkout.kind === 'extension' && checkout.sessionId) {
    publishToSession(checkout.sessionId, 'extension:cancelled', { sessionId: checkout.sessionId })
  }
}
