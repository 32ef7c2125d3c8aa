import { and, eq } from 'drizzle-orm'
import { checkouts } from '@/db/schema'
import { publishToSession } from '@/features/realtime/publish'
import { AppError } from '@/lib/errors'
import { isUuid } from '@/lib/ids'
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
  if (!isUuid(checkoutId)) throw new AppError('not_found', 'Checkout not found')
  const { db } = getContext().database
  const [checkout] = await db
    .select()
    .from(checkouts)
    .where(and(eq(checkouts.id, checkoutId), eq(checkouts.customerId, customerId)))
  if (!checkout) throw new AppError('not_found', 'Checkout not found')
  if (checkout.status === 'paid') throw alreadyPaid(checkout.sessionId)
  if (checkout.status !== 'open') return
  if (checkout.providerCheckoutId)
    await paymentsProvider().cancelCheckout(checkout.providerCheckoutId)
  const [cancelled] = await db
    .update(checkouts)
    .set({ status: 'cancelled', completedAt: new Date() })
    .where(and(eq(checkouts.id, checkoutId), eq(checkouts.status, 'open')))
    .returning({ id: checkouts.id })
  if (!cancelled) {
    // The payment landed while this request ran: telling the customer "not charged" would be false.
    const [now] = await db
      .select({ status: checkouts.status, sessionId: checkouts.sessionId })
      .from(checkouts)
      .where(eq(checkouts.id, checkoutId))
    if (now?.status === 'paid') throw alreadyPaid(now.sessionId)
  }
  if (cancelled && checkout.kind === 'extension' && checkout.sessionId) {
    publishToSession(checkout.sessionId, 'extension:cancelled', { sessionId: checkout.sessionId })
  }
}

function alreadyPaid(sessionId: string | null): AppError {
  return new AppError('conflict', 'This checkout is already paid', { status: 'paid', sessionId })
}
