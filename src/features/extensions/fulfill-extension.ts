import { eq } from 'drizzle-orm'
import { sessionExtensions, sessions } from '@/db/schema'
import { extensionOptions } from '@/features/catalogue/catalogue'
import { logEvent } from '@/features/events/log-event'
import type { FulfilCheckout } from '@/features/payments/checkout-handlers'
import { recordPayment } from '@/features/payments/record-payment'
import { publishToSession } from '@/features/realtime/publish'
import { notifySessionChanged } from '@/features/sessions/notify-session-changed'
import { extendClock } from '@/features/sessions/session-clock'
import { isTerminal } from '@/features/sessions/statuses'
import type { ExtensionDetails } from './schemas'

/**
 * Applies a paid extension inside the webhook's transaction: the payment, the extension (unique
 * per payment) and the new clock are written together with their event row, or not at all.
 * After the commit it tells the room itself: the clock changed here.
 */
export const fulfillExtension: FulfilCheckout = async (tx, checkout, providerPaymentId) => {
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
  const sessionId = session.id

  if (isTerminal(session.status)) {
    const payment = await recordPayment(tx, {
      checkout,
      providerPaymentId,
      refundReason: 'session_already_ended',
    })
    await logEvent(tx, {
      type: 'extension.refunded',
      actorId: null,
      subjectId: sessionId,
      data: {
        minutes: choice.minutes,
        amountCents: checkout.amountCents,
        reason: 'session_already_ended',
      },
    })
    return {
      kind: 'refund-due',
      paymentId: payment.id,
      announce: () => notifySessionChanged(sessionId),
    }
  }

  const payment = await recordPayment(tx, { checkout, providerPaymentId })
  await tx.insert(sessionExtensions).values({
    sessionId,
    paymentId: payment.id,
    minutes: choice.minutes,
    amountCents: checkout.amountCents,
  })
  const { expiresAt } = await extendClock(tx, sessionId, choice.minutes)
  await logEvent(tx, {
    type: 'session.extended',
    actorId: checkout.customerId,
    subjectId: sessionId,
    data: { minutes: choice.minutes, amountCents: checkout.amountCents, expiresAt },
  })
  return {
    kind: 'fulfilled',
    announce: async () => {
      publishToSession(sessionId, 'session:extended', {
        sessionId,
        minutes: choice.minutes,
        expiresAt: expiresAt?.toISOString() ?? null,
        serverNow: new Date().toISOString(),
      })
      await notifySessionChanged(sessionId)
    },
  }
}
