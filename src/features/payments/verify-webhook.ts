import Stripe from 'stripe'
import { AppError } from '@/lib/errors'
import { logger } from '@/lib/logger'

/**
 * Stripe's own default; events signed longer ago than this are refused as replays, and events
 * dated further ahead than this (Stripe checks only the past) as forged in advance.
 */
export const WEBHOOK_TOLERANCE_SECONDS = 300

/** Verifies the signature over the raw body exactly as received and returns the event. */
export function verifyWebhook(
  rawBody: string,
  signature: string | null,
  secret: string,
): Stripe.Event {
  if (!signature) throw new AppError('bad_request', 'Missing Stripe-Signature header')
  let event: Stripe.Event
  try {
    event = Stripe.webhooks.constructEvent(rawBody, signature, secret, WEBHOOK_TOLERANCE_SECONDS)
  } catch (error) {
    logger().warn({ err: error }, 'webhook signature rejected')
    throw new AppError('bad_request', 'Invalid webhook signature')
  }
  const signedAt = signatureTimestamp(signature)
  if (!(signedAt <= Date.now() / 1000 + WEBHOOK_TOLERANCE_SECONDS)) {
    logger().warn({ signedAt }, 'webhook signature dated in the future')
    throw new AppError('bad_request', 'Invalid webhook signature')
  }
  return event
}

/** The timestamp the signature was checked with, read as Stripe reads it (the last `t=`). */
function signatureTimestamp(signature: string): number {
  let timestamp = Number.NaN
  for (const item of signature.split(',')) {
    const [key, value = ''] = item.split('=')
    if (key === 't') timestamp = Number.parseInt(value, 10)
  }
  return timestamp
}

/** Signs a payload the way Stripe does; used by the local checkout and by tests. */
export function signWebhookPayload(payload: string, secret: string, timestamp?: number): string {
  return Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp })
}
