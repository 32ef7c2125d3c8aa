import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { startTestApp, type TestApp, uniqueEmail, uniqueIp } from '../support/test-app'

const ALLOWED_FAILURES = 10
// Lower than the default 50 so the test stays quick: every refused password costs a slow hash.
// Hoisted so it is in place before the app parses its env.
const ALLOWED_FAILURES_PER_IP = vi.hoisted(() => {
  process.env.LOGIN_MAX_FAILURES_PER_IP = '20'
  return 20
})
// Three times the limit, all at once; each checked password costs a slow hash.
const PARALLEL = 30

let app: TestApp

beforeAll(async () => {
  app = await startTestApp()
})

afterAll(() => app.close())

async function failSignIn(email: string, ip: string): Promise<void> {
  const result = await app.signIn({ email, password: 'wrong-password' }, { ip })
  expect(result.status).toBe(401)
}

function expectThrottled(result: Awaited<ReturnType<TestApp['signIn']>>): void {
  expect(result.status).toBe(429)
  expect(result.body).toEqual({
    error: {
      code: 'too_many_requests',
      message: expect.stringMatching(/try again in 15 minutes/i),
    },
  })
  expect(result.cookie).toBe('')
}

// Each test checks many passwords; on a busy machine hashing alone can take tens of seconds.
describe('failed sign-in throttle', { timeout: 120_000 }, () => {
  test('after 10 wrong passwords for an account, even the right one is refused', async () => {
    const user = await app.createUser()
    const ip = uniqueIp()
    for (let attempt = 0; attempt < ALLOWED_FAILURES; attempt++) await failSignIn(user.email, ip)

    expectThrottled(await app.signIn(user, { ip }))
  })

  test('wrong passwords from one address do not lock the owner out anywhere else', async () => {
    const user = await app.createUser()
    const attacker = uniqueIp()
    for (let attempt = 0; attempt < ALLOWED_FAILURES; attempt++) {
      await failSignIn(user.email, attacker)
    }

    expectThrottled(await app.signIn(user, { ip: attacker }))
    expect((await app.signIn(user, { ip: uniqueIp() })).status).toBe(200)
  })

  test('wrong passwords sent all at once are checked no more often than the limit', async () => {
    const user = await app.createUser()
    const ip = uniqueIp()

    const results = await Promise.all(
      Array.from({ length: PARALLEL }, () =>
        app.signIn({ email: user.email, password: 'wrong-password' }, { ip }),
      ),
    )

    const statuses = results.map((result) => result.status)
    expect(statuses.filter((status) => status === 401)).toHaveLength(ALLOWED_FAILURES)
    expect(statuses.filter((status) => status === 429)).toHaveLength(PARALLEL - ALLOWED_FAILURES)
    expectThrottled(await app.signIn(user, { ip }))
  })

  test('one address trying many accounts is refused for every account after the looser limit', async () => {
    const user = await app.createUser()
    const ip = uniqueIp()
    for (let attempt = 0; attempt < ALLOWED_FAILURES_PER_IP; attempt++) {
      await failSignIn(uniqueEmail('guess'), ip)
    }

    expectThrottled(await app.signIn(user, { ip }))
    expect((await app.signIn(user, { ip: uniqueIp() })).status).toBe(200)
  })

  test('a successful sign-in starts the count again', async () => {
    const user = await app.createUser()
    const ip = uniqueIp()
    for (let attempt = 0; attempt < ALLOWED_FAILURES - 1; attempt++)
      await failSignIn(user.email, ip)
    expect((await app.signIn(user, { ip })).status).toBe(200)

    for (let attempt = 0; attempt < ALLOWED_FAILURES - 1; attempt++)
      await failSignIn(user.email, ip)
    expect((await app.signIn(user, { ip })).status).toBe(200)
  })
})
