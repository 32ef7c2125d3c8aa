import { createHmac } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { mintIceServers, mintTurnCredential } from './mint-ice-servers'

const KNOWN_VECTOR = 'IGSRT4K7/NYFZqgflv/eYtHe0kM='

const secret = 'a-shared-secret-for-coturn'
const now = Date.UTC(2026, 0, 1, 12, 0, 0)

describe('TURN credentials (coturn shared-secret scheme)', () => {
  test('username is <expiry>:<userId>, credential is base64 HMAC-SHA1 of it', () => {
    const minted = mintTurnCredential(secret, 'user-1', 600, now)
    const expiry = now / 1000 + 600
    expect(minted.username).toBe(`${expiry}:user-1`)
    expect(minted.expiresAt).toBe(expiry)
    const expected = createHmac('sha1', secret).update(`${expiry}:user-1`).digest('base64')
    expect(minted.credential).toBe(expected)
  })

  test('a known vector: the value coturn computes for this secret and username', () => {
    // echo -n '1700000000:bob' | openssl dgst -sha1 -hmac 'a-shared-secret-for-coturn' -binary | base64
    const minted = mintTurnCredential(secret, 'bob', 0, 1_700_000_000_000)
    expect(minted.credential).toBe(KNOWN_VECTOR)
  })
})

describe('ICE servers', () => {
  const base = {
    STUN_URLS: undefined,
    TURN_URLS: undefined,
    TURN_SECRET: undefined,
    TURN_TTL_SECONDS: 3600,
  }

  test('nothing configured → empty list (host candidates only)', () => {
    expect(mintIceServers(base, 'u', now)).toEqual([])
  })

  test('STUN and TURN from env, TURN with a per-user credential', () => {
    const servers = mintIceServers(
      {
        ...base,
        STUN_URLS: 'stun:stun.example.com:3478',
        TURN_URLS: 'turn:turn.example.com:3478?transport=udp, turns:turn.example.com:5349',
        TURN_SECRET: secret,
      },
      'user-2',
      now,
    )
    expect(servers).toEqual([
      { urls: ['stun:stun.example.com:3478'] },
      {
        urls: ['turn:turn.example.com:3478?transport=udp', 'turns:turn.example.com:5349'],
        username: `${now / 1000 + 3600}:user-2`,
        credential: expect.any(String),
      },
    ])
  })
})
