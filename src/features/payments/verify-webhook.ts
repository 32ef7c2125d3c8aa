import Stripe from 'stripe'
import { AppError } from '@/lib/errors'
import { logger } from '@/lib/logger'

/** Stripe's own default; events signed longer ago than this are refused as replays. */
export const WEBHOOK_TOLERANCE_SECONDS = 300

/** Verifies the signature over the raw body exactly as received and returns the event. */
export function verifyWebhook(
  rawBody: string,
  signature: string | null,
  secret: string,
): Stripe.Event {
  if (!signature) throw new AppError('bad_request', 'Missing Stripe-Signature header')
  try {
    return Stripe.webhooks.constructEvent(rawBody, signature, secret, WEBHOOK_TOLERANCE_SECONDS)
  } catch (error) {
    logger().warn({ err: error }, 'webhook signature rejected')
    throw new AppError('bad_request', 'Invalid webhook signature')
  }
}

/** Signs a payload the way Stripe does; used by the local checkout and by tests. */
export function signWebhookPayload(payload: string, secret: string, timestamp?: number): string {
  return Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp })
}
