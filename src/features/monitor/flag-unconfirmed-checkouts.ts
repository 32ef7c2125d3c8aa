import { and, eq, gt, isNotNull, lte, notExists, sql } from 'drizzle-orm'
import { checkouts, sessionAlerts } from '@/db/schema'
import { paymentsProvider } from '@/features/payments/provider'
import { logger } from '@/lib/logger'
import { getContext } from '@/server/context'
import { ageSeconds, type MonitorThresholds, secondsBefore } from './monitor-thresholds'
import { raiseAlert } from './raise-alert'

/** Provider calls per pass, so a backlog of abandoned checkouts cannot slow a pass down. */
const CHECKS_PER_PASS = 20
/** A checkout is asked about during this long after it turned stale; Stripe's expire in 24 h. */
const LOOK_BACK_SECONDS = 24 * 60 * 60

/**
 * Checkouts still open `checkoutStaleSeconds` after they were opened: the provider is asked
 * whether the customer paid. Paid means the webhook was lost; the checkout is flagged once for
 * the admins, who can replay the event from the provider's dashboard. (The local checkout keeps
 * no state of its own, so it never answers paid.)
 */
export async function flagUnconfirmedCheckouts(
  now: Date,
  thresholds: MonitorThresholds,
): Promise<number> {
  const { db } = getContext().database
  const threshold = thresholds.checkoutStaleSeconds
  const stale = await db
    .select({
      id: checkouts.id,
      kind: checkouts.kind,
      providerCheckoutId: checkouts.providerCheckoutId,
      sessionId: checkouts.sessionId,
      createdAt: checkouts.createdAt,
    })
    .from(checkouts)
    .where(
      and(
        eq(checkouts.status, 'open'),
        isNotNull(checkouts.providerCheckoutId),
        lte(checkouts.createdAt, secondsBefore(now, threshold)),
        gt(checkouts.createdAt, secondsBefore(now, threshold + LOOK_BACK_SECONDS)),
        notExists(
          db
            .select({ one: sql`1` })
            .from(sessionAlerts)
            .where(
              and(
                eq(sessionAlerts.condition, 'checkout_unconfirmed'),
                eq(sessionAlerts.subjectId, sql`${checkouts.id}::text`),
              ),
            ),
        ),
      ),
    )
    .orderBy(checkouts.createdAt)
    .limit(CHECKS_PER_PASS)
  let flagged = 0
  for (const checkout of stale) {
    if (!checkout.providerCheckoutId) continue
    let status: 'paid' | 'unpaid' | 'unknown'
    try {
      status = await paymentsProvider().checkoutPaymentStatus(checkout.providerCheckoutId)
    } catch (error) {
      logger().warn({ err: error, checkoutId: checkout.id }, 'could not ask the provider')
      continue
    }
    if (status !== 'paid') continue
    const raised = await db.transaction((tx) =>
      raiseAlert(tx, {
        condition: 'checkout_unconfirmed',
        subjectId: checkout.id,
        // An extension's checkout names its session; a booking's session does not exist yet.
        sessionId: checkout.sessionId,
        ageSeconds: ageSeconds(checkout.createdAt, now),
        thresholdSeconds: threshold,
        reason: 'paid_without_webhook',
        now,
        data: {
          checkoutId: checkout.id,
          kind: checkout.kind,
          providerCheckoutId: checkout.providerCheckoutId,
        },
      }),
    )
    if (raised) flagged++
  }
  return flagged
}
