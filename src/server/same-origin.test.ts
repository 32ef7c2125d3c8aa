import { describe, expect, test } from 'vitest'
import { parseEnv } from '@/lib/env'
import { isSameOrigin } from './same-origin'

function request(headers: Record<string, string>) {
  return new Request('http://localhost:3000/api/anything', { method: 'POST', headers })
}

describe('isSameOrigin', () => {
  const local = parseEnv({})
  const deployed = parseEnv({ APP_URL: 'https://help.example' })

  test('accepts our own origin and clients that send no Origin', () => {
    expect(isSameOrigin(request({ origin: 'http://localhost:3000' }), local)).toBe(true)
    expect(isSameOrigin(request({}), local)).toBe(true)
    expect(isSameOrigin(request({ origin: 'https://help.example' }), deployed)).toBe(true)
  })

  test('accepts 127.0.0.1 only while no APP_URL is configured', () => {
    expect(isSameOrigin(request({ origin: 'http://127.0.0.1:3000' }), local)).toBe(true)
    expect(isSameOrigin(request({ origin: 'http://127.0.0.1:3000' }), deployed)).toBe(false)
  })

  test('refuses other origins, other ports and browsers that say cross-site', () => {
    expect(isSameOrigin(request({ origin: 'https://evil.example' }), local)).toBe(false)
    expect(isSameOrigin(request({ origin: 'http://localhost:3001' }), local)).toBe(false)
    expect(isSameOrigin(request({ origin: 'http://help.example' }), deployed)).toBe(false)
    expect(isSameOrigin(request({ 'sec-fetch-site': 'cross-site' }), local)).toBe(false)
  })
})
