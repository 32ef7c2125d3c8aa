import type { ServerResponse } from 'node:http'

/** Headers on every response. Next's inline bootstrap scripts need 'unsafe-inline'. */
export function setSecurityHeaders(
  res: ServerResponse,
  { dev, https }: { dev: boolean; https: boolean },
): void {
  if (https) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains')
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    "font-src 'self' data:",
    "connect-src 'self' ws: wss:",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; ')
  res.setHeader('Content-Security-Policy', csp)
  res.setHeader('X-Frame-Options', 'DENY')
  res.setHeader('X-Content-Type-Options', 'nosniff')
  res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin')
  res.setHeader('Permissions-Policy', 'camera=(self), microphone=(self), geolocation=()')
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
}
