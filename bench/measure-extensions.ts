import { eq } from 'drizzle-orm'
import { POST as webhookRoute } from '@/app/api/webhooks/stripe/route'
import { checkouts, users } from '@/db/schema'
import { createExtensionCheckout } from '@/features/extensions/create-extension-checkout'
import { buildCompletedEvent } from '@/features/payments/pay-local-checkout'
import { paymentsProvider } from '@/features/payments/provider'
import { signWebhookPayload } from '@/features/payments/verify-webhook'
import { getContext } from '@/server/context'
import type { ArrangedSession } from './arrange-sessions'
import type { ClientFleet } from './client-fleet'
import { sleep } from './concurrency'
import { progress } from './progress'
import { summarize } from './stats'

/**
 * Webhook receipt → `session:extended` at both participants. Each sampled session gets a real
 * extension checkout; its signed `checkout.session.completed` is handed to the webhook route
 * handler (the same function the HTTP server calls), one at a time with a short gap, and the clock
 * starts when the route receives the request.
 */
export async function measureExtensions(
  fleet: ClientFleet,
  arranged: ArrangedSession[],
  sample: number,
) {
  const chosen = arranged.slice(0, sample)
  const { db } = getContext().database
  const events: { sessionId: string; payload: string }[] = []
  for (const session of chosen) {
    const [customer] = await db
      .select({ id: users.id, name: users.name, email: users.email })
      .from(users)
      .where(eq(users.id, session.customer.id))
    if (!customer) throw new Error('arranged customer missing')
    const { checkoutId } = await createExtensionCheckout(
      { ...customer, role: 'customer' },
      { sessionId: session.sessionId, option: '15' },
    )
    const [checkout] = await db.select().from(checkouts).where(eq(checkouts.id, checkoutId))
    if (!checkout) throw new Error('extension checkout missing')
    events.push({
      sessionId: session.sessionId,
      payload: JSON.stringify(buildCompletedEvent(checkout)),
    })
  }

  progress(`ours: ${events.length} paid extensions through the webhook route`)
  await fleet.run('resetCounts', {})
  const receivedAt = new Map<string, number>()
  const secret = paymentsProvider().webhookSecret
  let failed = 0
  for (const event of events) {
    const request = new Request('http://localhost/api/webhooks/stripe', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'stripe-signature': signWebhookPayload(event.payload, secret),
      },
      body: event.payload,
    })
    receivedAt.set(event.sessionId, Date.now())
    const response = await webhookRoute(request)
    if (!response.ok) failed++
    await sleep(20)
  }
  const receipts = await fleet.run('awaitExtended', {
    expected: events.length * 2,
    timeoutMs: 30_000,
    settleMs: 500,
  })
  const lags: number[] = []
  for (const receipt of receipts) {
    const start = receivedAt.get(receipt.sessionId)
    if (start !== undefined) lags.push(receipt.at - start)
  }
  return {
    latency:
      'webhook route receives the signed event → session:extended received by each participant',
    extensions: events.length,
    webhookFailures: failed,
    clientsExpected: events.length * 2,
    clientsWithExtended: receipts.length,
    clientsWithDuplicateExtended: receipts.filter((receipt) => receipt.count > 1).length,
    latencyMs: summarize(lags),
  }
}
