import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { GET as authGet, POST as authPost } from '@/app/api/auth/[...all]/route'
import { startTestApp, type TestApp, uniqueEmail } from '../support/test-app'

type SessionBody = { user: { id: string; email: string; role: string } } | null

let app: TestApp

beforeAll(async () => {
  app = await startTestApp()
})

afterAll(() => app.close())

function getSession(cookie: string) {
  return app.call<SessionBody>(authGet, { path: '/api/auth/get-session', cookie })
}

function signUp(body: Record<string, unknown>) {
  return app.call(authPost, { path: '/api/auth/sign-up/email', body })
}

describe('customer accounts', () => {
  test('a customer signs up, is signed in, signs out and signs in again', async () => {
    const email = uniqueEmail('customer')
    const password = 'correct-horse-battery'

    const signedUp = await signUp({ name: 'Dana Driver', email, password })
    expect(signedUp.status).toBe(200)
    expect(signedUp.cookie).toContain('autodoctor.session_token=')
    const afterSignUp = await getSession(signedUp.cookie)
    expect(afterSignUp.body?.user).toMatchObject({ email, role: 'customer' })

    const signedOut = await app.call(authPost, {
      path: '/api/auth/sign-out',
      body: {},
      cookie: signedUp.cookie,
    })
    expect(signedOut.status).toBe(200)
    expect((await getSession(signedUp.cookie)).body).toBeNull()

    const signedIn = await app.signIn({ email, password })
    expect(signedIn.status).toBe(200)
    const afterSignIn = await getSession(signedIn.cookie)
    expect(afterSignIn.body?.user).toMatchObject({ email, role: 'customer' })
  })

  test('the sign-up body cannot choose a role', async () => {
    const email = uniqueEmail('would-be-admin')
    const signedUp = await signUp({
      name: 'Mallory',
      email,
      password: 'password-123',
      role: 'admin',
    })

    expect(signedUp.status).toBe(200)
    const session = await getSession(signedUp.cookie)
    expect(session.body?.user).toMatchObject({ email, role: 'customer' })
  })

  test('an email can hold only one account', async () => {
    const email = uniqueEmail('taken')
    expect((await signUp({ name: 'First', email, password: 'password-123' })).status).toBe(200)

    const again = await signUp({ name: 'Second', email, password: 'password-456' })
    expect(again.status).toBe(422)
    expect(again.cookie).toBe('')
  })

  test('every sign-in gets a new session token, and each one works', async () => {
    const user = await app.createUser()

    const first = await app.signIn(user)
    const second = await app.signIn(user)

    expect(first.status).toBe(200)
    expect(second.status).toBe(200)
    expect(new Set([user.cookie, first.cookie, second.cookie]).size).toBe(3)
    for (const cookie of [first.cookie, second.cookie]) {
      expect((await getSession(cookie)).body?.user.id).toBe(user.id)
    }
  })

  test('a wrong password is refused without a session', async () => {
    const user = await app.createUser()

    const refused = await app.signIn({ email: user.email, password: 'not-the-password' })

    expect(refused.status).toBe(401)
    expect(refused.cookie).toBe('')
  })
})
