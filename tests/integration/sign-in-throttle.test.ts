import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestApp, type TestApp, uniqueEmail, uniqueIp } from '../support/test-app'

const ALLOWED_FAILURES = 10

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

describe('failed sign-in throttle', () => {
  test('after 10 wrong passwords for an account, even the right one is refused', async () => {
    const user = await app.createUser()
    const ip = uniqueIp()
    for (let attempt = 0; attempt < ALLOWED_FAILURES; attempt++) await failSignIn(user.email, ip)

    expectThrottled(await app.signIn(user, { ip }))
  })

  test('the account limit holds whichever addresses the attempts come from', async () => {
    const user = await app.createUser()
    for (let attempt = 0; attempt < ALLOWED_FAILURES; attempt++) {
      await failSignIn(user.email, uniqueIp())
    }

    expectThrottled(await app.signIn(user, { ip: uniqueIp() }))
  })

  test('after 10 failures from one address, every account is refused from it', async () => {
    const user = await app.createUser()
    const ip = uniqueIp()
    for (let attempt = 0; attempt < ALLOWED_FAILURES; attempt++) {
      await failSignIn(uniqueEmail('guess'), ip)
    }

    expectThrottled(await app.signIn(user, { ip }))
    const elsewhere = await app.signIn(user, { ip: uniqueIp() })
    expect(elsewhere.status).toBe(200)
  })

  test('a successful sign-in starts the account count again', async () => {
    const user = await app.createUser()
    for (let attempt = 0; attempt < ALLOWED_FAILURES - 1; attempt++) {
      await failSignIn(user.email, uniqueIp())
    }
    expect((await app.signIn(user, { ip: uniqueIp() })).status).toBe(200)

    for (let attempt = 0; attempt < ALLOWED_FAILURES - 1; attempt++) {
      await failSignIn(user.email, uniqueIp())
    }
    expect((await app.signIn(user, { ip: uniqueIp() })).status).toBe(200)
  })
})
