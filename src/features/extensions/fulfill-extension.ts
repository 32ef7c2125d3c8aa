import { eq, sql } from 'drizzle-orm'
import type { Transaction } from '@/db/client'
import { checkouts, payments, sessionExtensions, sessions } from '@/db/schema'
import { logEvent } from '@/features/events/log-event'
import { extensionOptions } from '@/features/catalogue/catalogue'
import { isTerminal } from '@/features/sessions/statuses'
import type { ExtensionDetails } from './schemas'

type Checkout = typeof checkouts.$inferSelect

export type ExtensionOutcome =
  | { kind: 'extended'; sessionId: string; minutes: number; expiresAt: Date | null }
  | { kind: 'refund-due'; paymentId: string; customerId: string; sessionId: string }
  | { kind: 'rejected'; reason: string }

/**
 * Applies a paid extension inside the webhook's transaction: the payment, the extension (unique
 * per payment) and the new clock are written together with their event row, or not at all.
 */
export async function fulfillExtension(
  tx: Transaction,
  checkout: Checkout,
  providerPaymentId: string,
): Promise<ExtensionOutcome> {
  const details = checkout.details as ExtensionDetails
  const choice = extensionOptions[details.option]
  if (!choice || choice.priceCents !== checkout.amountCents || !checkout.sessionId) {
    return { kind: 'rejected', reason: 'extension does not match the price table' }
  }
  const [session] = await tx
    .select()
    .from(sessions)
    .where(eq(sessions.id, checkout.sessionId))
    .for('update')
  if (!session || session.customerId !== checkout.customerId) {
    return { kind: 'rejected', reason: 'extension for a session of someone else' }
  }

  const ended = isTerminal(session.status)
  const [payment] = await tx
    .insert(payments)
    .values({
      checkoutId: checkout.id,
      sessionId: session.id,
      provider: checkout.provider,
      providerPaymentId,
      amountCents: checkout.amountCents,
      currency: checkout.currency,
      ...(ended ? { refundRequestedAt: new Date(), refundReason: 'session_already_ended' } : {}),
    })
    .returning({ id: payments.id })
  if (!payment) throw new Error('payment insert returned nothing')
  await tx
    .update(checkouts)
    .set({ status: 'paid', completedAt: new Date() })
    .where(eq(checkouts.id, checkout.id))

  if (ended) {
    await logEvent(tx, {
      type: 'extension.refunded',
      actorId: null,
      subjectId: session.id,
      data: {
        minutes: choice.minutes,
        amountCents: checkout.amountCents,
        reason: 'session_already_ended',
      },
    })
    return {
      kind: 'refund-due',
      paymentId: payment.id,
      customerId: checkout.customerId,
      sessionId: session.id,
    }
  }

  await tx.insert(sessionExtensions).values({
    sessionId: session.id,
    paymentId: payment.id,
    minutes: choice.minutes,
    amountCents: checkout.amountCents,
  })
  const seconds = choice.minutes * 60
  const now = new Date()
  const [updated] = await tx
    .update(sessions)
    .set({
      durationSeconds: sql`${sessions.durationSeconds} + ${seconds}`,
      // Live: from now if the clock already ran out. Paused: adding to expires_at adds to the
      // frozen remaining time. Not started yet: the longer duration applies when it goes live.
      expiresAt:
        session.status === 'live'
          ? sql`greatest(${sessions.expiresAt}, ${now}) + make_interval(secs => ${seconds})`
          : session.expiresAt
            ? sql`${sessions.expiresAt} + make_interval(secs => ${seconds})`
            : null,
      lastWarningMinutes: null,
    })
    .where(eq(sessions.id, session.id))
    .returning({ expiresAt: sessions.expiresAt })
  await logEvent(tx, {
    type: 'session.extended',
    actorId: checkout.customerId,
    subjectId: session.id,
    data: {
      minutes: choice.minutes,
      amountCents: checkout.amountCents,
      expiresAt: updated?.expiresAt ?? null,
    },
  })
  return {
    kind: 'extended',
    sessionId: session.id,
    minutes: choice.minutes,
    expiresAt: updated?.expiresAt ?? null,
  }
}
