import type { IncomingMessage } from 'node:http'
import { describe, expect, test } from 'vitest'
import { CLIENT_IP_HEADER, clientIpFromHeaders, clientIpOf, stampClientIp } from './client-ip'

function incoming(headers: Record<string, string>, remoteAddress = '203.0.113.9') {
  return { headers: { ...headers }, socket: { remoteAddress } } as unknown as IncomingMessage
}

describe('client IP', () => {
  test('is the socket address, whatever the client claims', () => {
    const req = incoming({ [CLIENT_IP_HEADER]: '10.0.0.1', 'x-forwarded-for': '10.0.0.2' })

    stampClientIp(req, false)

    expect(req.headers[CLIENT_IP_HEADER]).toBe('203.0.113.9')
  })

  test('behind a trusted proxy, is the address that proxy appended, not one the client wrote', () => {
    const req = incoming({ 'x-forwarded-for': ' 198.51.100.7 , 10.0.0.2 ' })

    expect(clientIpOf(req, true)).toBe('10.0.0.2')
  })

  test('behind a trusted proxy without X-Forwarded-For, falls back to the socket', () => {
    expect(clientIpOf(incoming({}), true)).toBe('203.0.113.9')
  })

  test('reads back from request headers, or "unknown" when never stamped', () => {
    expect(clientIpFromHeaders(new Headers({ [CLIENT_IP_HEADER]: '192.0.2.4' }))).toBe('192.0.2.4')
    expect(clientIpFromHeaders(new Headers())).toBe('unknown')
  })
})
