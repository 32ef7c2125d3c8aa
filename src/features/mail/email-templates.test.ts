import { describe, expect, test } from 'vitest'
import {
  bookingReceiptEmail,
  extensionReceiptEmail,
  formatEmailTime,
  mechanicApprovedEmail,
  passwordResetEmail,
  refundNoticeEmail,
  requestAcceptedEmail,
} from './email-templates'
import { escapeHtml, renderEmail } from './render-email'

const hostile = `<script>alert("x")</script> & 'Sam'`
const paidAt = new Date('2026-11-30T16:05:00Z')

describe('email templates, both parts', () => {
  test('booking receipt shows plan, amount to the cent and time in text and HTML', () => {
    const email = bookingReceiptEmail({
      planLabel: 'Video',
      minutes: 45,
      amountCents: 2999,
      currency: 'usd',
      paidAt,
      paymentId: 'p-1',
      dashboardUrl: 'https://app.test/customer',
    })
    const { text, html } = renderEmail(email.content)
    expect(email.subject).toBe('Receipt: Video session, $29.99 USD')
    for (const part of [text, html]) {
      expect(part).toContain('Video (45 minutes)')
      expect(part).toContain('$29.99 USD')
      expect(part).toContain(formatEmailTime(paidAt))
      expect(part).toContain('https://app.test/customer')
    }
    expect(formatEmailTime(paidAt)).toContain('16:05 UTC')
  })

  test('extension receipt shows minutes and amount', () => {
    const { text, html } = renderEmail(
      extensionReceiptEmail({
        minutes: 15,
        amountCents: 1499,
        currency: 'usd',
        paidAt,
        paymentId: 'p-2',
      }).content,
    )
    for (const part of [text, html]) {
      expect(part).toContain('15 minutes')
      expect(part).toContain('$14.99 USD')
    }
  })

  test.each([
    ['booking', 'customer_has_active_session', 'was not taken'],
    ['booking', 'ended_by_customer', 'cancelled'],
    ['booking', 'request_expired', 'No mechanic accepted'],
    ['extension', 'session_already_ended', 'had already ended'],
    ['extension', 'ended_by_mechanic', 'were not used'],
  ] as const)('refund notice for a %s refunded for %s says why', (kind, reason, words) => {
    const email = refundNoticeEmail({ kind, reason, amountCents: 4999, currency: 'usd' })
    const { text, html } = renderEmail(email.content)
    expect(email.subject).toBe('Refund of $49.99 USD')
    expect(text).toContain(words)
    expect(html).toContain(escapeHtml(words))
  })

  test('accepted email carries the join link and escapes the mechanic name in HTML only', () => {
    const email = requestAcceptedEmail({
      mechanicName: hostile,
      joinUrl: 'https://app.test/chat/abc?x=1&y=2',
    })
    const { text, html } = renderEmail(email.content)
    expect(text).toContain(`${hostile} accepted your request`)
    expect(text).toContain('Join the session: https://app.test/chat/abc?x=1&y=2')
    expect(html).not.toContain('<script>')
    expect(html).toContain(escapeHtml(hostile))
    expect(html).toContain('href="https://app.test/chat/abc?x=1&amp;y=2"')
  })

  test('approval email escapes the name and links to the queue', () => {
    const { text, html } = renderEmail(
      mechanicApprovedEmail({ name: hostile, queueUrl: 'https://app.test/mechanic' }).content,
    )
    expect(text).toContain(`Hello ${hostile},`)
    expect(html).not.toContain('<script>')
    expect(html).toContain('https://app.test/mechanic')
    expect(renderEmail(mechanicApprovedEmail({ name: '', queueUrl: 'x' }).content).text).toMatch(
      /^Hello,/,
    )
  })

  test('password reset email has the link and says it expires and works once', () => {
    const { text, html } = renderEmail(
      passwordResetEmail({
        resetUrl: 'https://app.test/reset-password?token=a&b',
        expiresInMinutes: 60,
      }).content,
    )
    expect(text).toContain('https://app.test/reset-password?token=a&b')
    expect(text).toContain('expires in 60 minutes')
    expect(html).toContain('token=a&amp;b')
  })
})
