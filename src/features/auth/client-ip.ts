import type { IncomingMessage } from 'node:http'

/** Set by the custom server on every request, replacing whatever the client sent. */
export const CLIENT_IP_HEADER = 'x-autodoctor-client-ip'

export function clientIpOf(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = req.headers['x-forwarded-for']
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim()
    if (first) return first
  }
  return req.socket.remoteAddress ?? 'unknown'
}

export function stampClientIp(req: IncomingMessage, trustProxy: boolean): void {
  req.headers[CLIENT_IP_HEADER] = clientIpOf(req, trustProxy)
}

export function clientIpFromHeaders(headers: Headers): string {
  return headers.get(CLIENT_IP_HEADER) ?? 'unknown'
}
