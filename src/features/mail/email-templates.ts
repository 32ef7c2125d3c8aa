import type { EmailContent } from './render-email'

/**
 * The words of every email the product sends, as plain data for `renderEmail`. Pure functions:
 * the callers load the facts (amounts from the payments table, names, links) in their transaction.
 */
export type Email = { subject: string; content: EmailContent }

/** "Mon, 30 Nov 2026, 16:05 UTC": one zone for everyone, since the server does not know theirs. */
export function formatEmailTime(at: Date): string {
  return `${at.toLocaleString('en-GB', {
    timeZone: 'UTC',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  })} UTC`
}

/** "$24.99 USD": the same figure the payments table holds, to the cent. */
export function formatEmailAmount(cents: number, currency: string): string {
  return `$${(cents / 100).toFixed(2)} ${currency.toUpperCase()}`
}

export function bookingReceiptEmail(input: {
  planLabel: string
  minutes: number
  amountCents: number
  currency: string
  paidAt: Date
  paymentId: string
  dashboardUrl: string
}): Email {
  return {
    subject: `Receipt: ${input.planLabel} session, ${formatEmailAmount(input.amountCents, input.currency)}`,
    content: {
      greeting: 'Hello,',
      paragraphs: [
        'Thank you for your booking. A mechanic will accept your request shortly; we will email you when one does.',
      ],
      details: [
        { label: 'Plan', value: `${input.planLabel} (${input.minutes} minutes)` },
        { label: 'Amount paid', value: formatEmailAmount(input.amountCents, input.currency) },
        { label: 'Paid at', value: formatEmailTime(input.paidAt) },
        { label: 'Receipt number', value: input.paymentId },
      ],
      link: { label: 'Open your dashboard', url: input.dashboardUrl },
    },
  }
}

export function extensionReceiptEmail(input: {
  minutes: number
  amountCents: number
  currency: string
  paidAt: Date
  paymentId: string
}): Email {
  return {
    subject: `Receipt: ${input.minutes} more minutes, ${formatEmailAmount(input.amountCents, input.currency)}`,
    content: {
      greeting: 'Hello,',
      paragraphs: [`Your session was extended by ${input.minutes} minutes.`],
      details: [
        { label: 'Extension', value: `${input.minutes} minutes` },
        { label: 'Amount paid', value: formatEmailAmount(input.amountCents, input.currency) },
        { label: 'Paid at', value: formatEmailTime(input.paidAt) },
        { label: 'Receipt number', value: input.paymentId },
      ],
    },
  }
}

/** Why money goes back, in the customer's words, from the kind of payment and its refund reason. */
export function refundExplanation(kind: 'booking' | 'extension', reason: string | null): string {
  if (kind === 'extension') {
    return reason === 'session_already_ended'
      ? 'The session had already ended when your extension was paid.'
      : 'The session ended before your extra minutes began, so they were not used.'
  }
  switch (reason) {
    case 'customer_has_active_session':
      return 'You already had a session in progress, so this booking was not taken.'
    case 'checkout_cancelled':
      return 'The payment arrived after the checkout was cancelled, so this booking was not taken.'
    case 'request_expired':
      return 'No mechanic accepted your request in time, so it was cancelled.'
    case 'not_started':
      return 'Your session did not start in time, so it was cancelled.'
    default:
      return 'Your session was cancelled before it properly began.'
  }
}

export function refundNoticeEmail(input: {
  reason: string | null
  amountCents: number
  currency: string
  kind: 'booking' | 'extension'
}): Email {
  return {
    subject: `Refund of ${formatEmailAmount(input.amountCents, input.currency)}`,
    content: {
      greeting: 'Hello,',
      paragraphs: [
        refundExplanation(input.kind, input.reason),
        'We are refunding the full amount to the card you paid with. Banks usually show it within 5 to 10 working days.',
      ],
      details: [
        { label: 'Refund', value: formatEmailAmount(input.amountCents, input.currency) },
        { label: 'For', value: input.kind === 'booking' ? 'Booking' : 'Extension' },
      ],
    },
  }
}

export function requestAcceptedEmail(input: { mechanicName: string; joinUrl: string }): Email {
  return {
    subject: `${input.mechanicName} accepted your request`,
    content: {
      greeting: 'Hello,',
      paragraphs: [
        `${input.mechanicName} accepted your request and is waiting for you in the session room.`,
        'Your time starts once you both have joined.',
      ],
      link: { label: 'Join the session', url: input.joinUrl },
    },
  }
}

export function mechanicApprovedEmail(input: { name: string; queueUrl: string }): Email {
  return {
    subject: 'Your mechanic account is approved',
    content: {
      greeting: input.name ? `Hello ${input.name},` : 'Hello,',
      paragraphs: ['Your application was approved. You can now take requests from the queue.'],
      link: { label: 'Open the queue', url: input.queueUrl },
    },
  }
}

export function passwordResetEmail(input: { resetUrl: string; expiresInMinutes: number }): Email {
  return {
    subject: 'Reset your AutoDoctor password',
    content: {
      greeting: 'Hello,',
      paragraphs: [
        `Someone asked to reset the password of this account. The link works once and expires in ${input.expiresInMinutes} minutes.`,
        'If it was not you, ignore this email: your password stays as it is.',
      ],
      link: { label: 'Choose a new password', url: input.resetUrl },
    },
  }
}
