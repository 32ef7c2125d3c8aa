import { eq } from 'drizzle-orm'
import type { Transaction } from '@/db/client'
import { checkouts, payments } from '@/db/schema'
import { extensionOptions, plans } from '@/features/catalogue/catalogue'
import {
  bookingReceiptEmail,
  extensionReceiptEmail,
  refundNoticeEmail,
} from '@/features/mail/email-templates'
import { enqueueEmail } from '@/features/mail/send-email-job'
import { getContext } from '@/server/context'
import type { Checkout } from './checkout-handlers'

/**
 * The receipt for a kept payment, in the transaction that records it. Amount, currency and time
 * are the payment row's own, so the receipt matches the payments table to the cent.
 */
export async function enqueueReceipt(
  tx: Transaction,
  checkout: Checkout,
  payment: { id: string; amountCents: number; currency: string; paidAt: Date },
): Promise<void> {
  const email =
    checkout.kind === 'booking'
      ? bookingReceiptEmail({
          ...planOf(checkout.details.plan),
          amountCents: payment.amountCents,
          currency: payment.currency,
          paidAt: payment.paidAt,
          paymentId: payment.id,
          dashboardUrl: new URL('/customer', getContext().env.appUrl).toString(),
        })
      : extensionReceiptEmail({
          minutes: minutesOf(checkout.details.option),
          amountCents: payment.amountCents,
          currency: payment.currency,
          paidAt: payment.paidAt,
          paymentId: payment.id,
        })
  await enqueueEmail(tx, { key: `receipt:${payment.id}`, userId: checkout.customerId, ...email })
}

/** The refund notice, in the transaction that decides the refund: one per payment. */
export async function enqueueRefundNotice(tx: Transaction, paymentId: string): Promise<void> {
  const [row] = await tx
    .select({
      amountCents: payments.amountCents,
      currency: payments.currency,
      reason: payments.refundReason,
      kind: checkouts.kind,
      customerId: checkouts.customerId,
    })
    .from(payments)
    .innerJoin(checkouts, eq(checkouts.id, payments.checkoutId))
    .where(eq(payments.id, paymentId))
  if (!row) return
  await enqueueEmail(tx, {
    key: `refund-notice:${paymentId}`,
    userId: row.customerId,
    ...refundNoticeEmail(row),
  })
}

function planOf(plan: unknown): { planLabel: string; minutes: number } {
  const known = typeof plan === 'string' && plan in plans ? plans[plan as keyof typeof plans] : null
  return known
    ? { planLabel: known.label, minutes: known.minutes }
    : { planLabel: 'Session', minutes: 0 }
}

function minutesOf(option: unknown): number {
  return typeof option === 'string' && option in extensionOptions
    ? extensionOptions[option as keyof typeof extensionOptions].minutes
    : 0
}
