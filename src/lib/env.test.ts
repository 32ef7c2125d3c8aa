import { describe, expect, test } from 'vitest'
import { EnvError, parseEnv } from './env'

describe('parseEnv', () => {
  test('with no environment at all, everything has a working default', () => {
    const env = parseEnv({})

    expect(env).toMatchObject({
      NODE_ENV: 'development',
      HOST: '0.0.0.0',
      PORT: 3000,
      DATA_DIR: '.data',
      LOG_LEVEL: 'info',
      LOGIN_MAX_FAILURES: 10,
      LOGIN_WINDOW_MINUTES: 15,
      appUrl: 'http://localhost:3000',
      seedDemoUsers: true,
      trustProxy: false,
    })
    expect(env.DATABASE_URL).toBeUndefined()
    expect(env.authSecret.length).toBeGreaterThanOrEqual(32)
  })

  test('empty values count as unset', () => {
    const env = parseEnv({ PORT: '', DATABASE_URL: '', APP_URL: '', LOG_LEVEL: '' })

    expect(env.PORT).toBe(3000)
    expect(env.DATABASE_URL).toBeUndefined()
    expect(env.appUrl).toBe('http://localhost:3000')
  })

  test('APP_URL defaults to the chosen port', () => {
    expect(parseEnv({ PORT: '4100' }).appUrl).toBe('http://localhost:4100')
    expect(parseEnv({ PORT: '4100', APP_URL: 'https://help.example' }).appUrl).toBe(
      'https://help.example',
    )
  })

  test.each([['not-a-port'], ['70000'], ['-1'], ['80.5']])(
    'PORT=%s stops the start with a message naming PORT',
    (port) => {
      expect(() => parseEnv({ PORT: port })).toThrow(EnvError)
      expect(() => parseEnv({ PORT: port })).toThrow(/Invalid environment:\n\s+PORT: /)
    },
  )

  test('a DATABASE_URL that is not a PostgreSQL URL stops the start', () => {
    const parse = () => parseEnv({ DATABASE_URL: 'mysql://root@localhost/autodoctor' })

    expect(parse).toThrow(EnvError)
    expect(parse).toThrow('DATABASE_URL: must start with postgres://')
  })

  test('both postgres:// and postgresql:// URLs are accepted', () => {
    for (const url of ['postgres://u@h:5432/db', 'postgresql://u@h/db']) {
      expect(parseEnv({ DATABASE_URL: url }).DATABASE_URL).toBe(url)
    }
  })

  test('every invalid variable is listed at once', () => {
    let message = ''
    try {
      parseEnv({ PORT: 'x', LOG_LEVEL: 'loud', AUTH_SECRET: 'short' })
    } catch (error) {
      message = error instanceof EnvError ? error.message : ''
    }

    expect(message).toContain('PORT:')
    expect(message).toContain('LOG_LEVEL:')
    expect(message).toContain('AUTH_SECRET: must be at least 32 characters')
  })

  test('a public (https) production deployment needs its own AUTH_SECRET and does not seed demo users', () => {
    const base = {
      NODE_ENV: 'production',
      APP_URL: 'https://autodoctor.example',
      DATABASE_URL: 'postgres://u@h/db',
      ALLOW_LOCAL_CHECKOUT: 'true',
    }

    expect(() => parseEnv(base)).toThrow(
      'AUTH_SECRET: required in production when APP_URL is https',
    )
    const secret = 's'.repeat(32)
    const env = parseEnv({ ...base, AUTH_SECRET: secret })
    expect(env.authSecret).toBe(secret)
    expect(env.seedDemoUsers).toBe(false)
    expect(parseEnv({ ...base, AUTH_SECRET: secret, SEED_DEMO_USERS: 'true' }).seedDemoUsers).toBe(
      true,
    )
  })

  test('a public production deployment without Stripe keys refuses to start unless told to take no money', () => {
    const base = {
      NODE_ENV: 'production',
      APP_URL: 'https://autodoctor.example',
      AUTH_SECRET: 's'.repeat(32),
    }

    expect(() => parseEnv(base)).toThrow(
      'STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET: required in production when APP_URL is https',
    )
    expect(parseEnv({ ...base, ALLOW_LOCAL_CHECKOUT: 'true' }).allowLocalCheckout).toBe(true)
    expect(() =>
      parseEnv({ ...base, STRIPE_SECRET_KEY: 'sk_test_1', STRIPE_WEBHOOK_SECRET: 'whsec_1' }),
    ).not.toThrow()
  })

  test('a local production run on a real database starts as is, with the demo users', () => {
    const env = parseEnv({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://postgres@127.0.0.1/autodoctor',
    })
    expect(env.seedDemoUsers).toBe(true)
  })

  test('production on the embedded database still seeds demo users', () => {
    expect(parseEnv({ NODE_ENV: 'production' }).seedDemoUsers).toBe(true)
  })

  test('TRUST_PROXY is off unless set to true', () => {
    expect(parseEnv({ TRUST_PROXY: 'true' }).trustProxy).toBe(true)
    expect(parseEnv({ TRUST_PROXY: 'false' }).trustProxy).toBe(false)
    expect(() => parseEnv({ TRUST_PROXY: 'yes' })).toThrow(/TRUST_PROXY/)
  })
})
