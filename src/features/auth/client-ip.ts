import type { IncomingMessage } from 'node:http'

/** Set by the custom server on every request, replacing whatever the client sent. */
export const CLIENT_IP_HEADER = 'x-autodoctor-client-ip'

export function clientIpOf(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    // The proxy appends the address it saw; anything before it came from the client.
    const forwarded = req.headers['x-forwarded-for']
    const joined = Array.isArray(forwarded) ? forwarded.join(',') : forwarded
    const nearest = joined?.split(',').at(-1)?.trim()
    if (nearest) return nearest
  }
  return req.socket.remoteAddress ?? 'unknown'
}

export function stampClientIp(req: IncomingMessage, trustProxy: boolean): void {
  req.headers[CLIENT_IP_HEADER] = clientIpOf(req, trustProxy)
}

export function clientIpFromHeaders(headers: Headers): string {
  return headers.get(CLIENT_IP_HEADER) ?? 'unknown'
}
