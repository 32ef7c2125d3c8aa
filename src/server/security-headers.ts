import { randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'

/**
 * Headers on every response. Scripts run only with this response's nonce: Next reads it from the
 * request's Content-Security-Policy header and puts it on every script it renders, and
 * 'strict-dynamic' lets those scripts load the rest. An injected inline script has no nonce.
 */
export function setSecurityHeaders(
  req: IncomingMessage,
  res: ServerResponse,
  {
    dev,
    https,
    fileOrigin = null,
  }: {
    dev: boolean
    https: boolean
    /** Where signed file URLs point when not at us (an S3 bucket): images and media load from it. */
    fileOrigin?: string | null
  },
): void {
  const files = fileOrigin ? ` ${fileOrigin}` : ''
  if (https) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains')
  const nonce = randomBytes(16).toString('base64')
  const csp = [
    "default-src 'self'",
    // Dev mode's fast refresh evaluates code.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${files}`,
    `media-src 'self' blob:${files}`,
    "font-src 'self' data:",
    "connect-src 'self' ws: wss:",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; ')
  // Replaces anything the client sent: Next takes the nonce from here.
  req.headers['content-security-policy'] = csp
  delete req.headers['content-security-policy-report-only']
  res.setHeader('Content-Security-Policy', csp)
  res.setHeader('X-Frame-Options', 'DENY')
  res.setHeader('X-Content-Type-Options', 'nosniff')
  res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin')
  res.setHeader('Permissions-Policy', 'camera=(self), microphone=(self), geolocation=()')
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
}
