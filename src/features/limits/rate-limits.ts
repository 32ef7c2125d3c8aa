import { env } from '@/lib/env'

/**
 * Limits a real user never meets, against scripts and abuse. Each counts hits per subject in a
 * fixed window, in the database, so every instance shares them.
 */
export type RateLimit = {
  name: string
  max: number
  windowSeconds: number
  /** Shown to the person who hit it. */
  message: string
}

export const chatMessageLimit: RateLimit = {
  name: 'chat-message',
  max: 20,
  windowSeconds: 10,
  message: 'You are sending messages too quickly. Wait a few seconds and try again.',
}

export const checkoutLimit: RateLimit = {
  name: 'checkout',
  max: 10,
  windowSeconds: 10 * 60,
  message: 'Too many checkouts were opened from your account. Try again in a few minutes.',
}

/** Per client IP; SIGN_UPS_PER_IP_PER_HOUR (a test suite creating many accounts raises it). */
export function signUpLimit(): RateLimit {
  return {
    name: 'sign-up',
    max: env().SIGN_UPS_PER_IP_PER_HOUR,
    windowSeconds: 60 * 60,
    message: 'Too many accounts were created from your network. Try again later.',
  }
}

/** Per client IP: reset emails are cheap to ask for and each one lands in someone's inbox. */
export const passwordResetLimit: RateLimit = {
  name: 'password-reset',
  max: 10,
  windowSeconds: 60 * 60,
  message: 'Too many password resets were asked for from your network. Try again later.',
}
