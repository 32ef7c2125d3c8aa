import { like } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { GET as authGet, POST as authPost } from '@/app/api/auth/[...all]/route'
import { authVerifications, jobs } from '@/db/schema'
import { CLIENT_IP_HEADER } from '@/features/auth/client-ip'
import { startTestApp, type TestApp, uniqueEmail, uniqueIp } from '../support/test-app'

let app: TestApp

beforeAll(async () => {
  app = await startTestApp()
})

afterAll(async () => {
  await app.close()
})

type EmailPayload = { to: string; subject: string; text: string; html: string }

async function resetEmailsTo(email: string): Promise<EmailPayload[]> {
  const rows = await app.database.db
    .select({ payload: jobs.payload })
    .from(jobs)
    .where(like(jobs.key, 'mail:password-reset:%'))
  return rows.map((row) => row.payload as EmailPayload).filter((mail) => mail.to === email)
}

function requestReset(email: string, ip = uniqueIp()) {
  return app.call(authPost, {
    path: '/api/auth/request-password-reset',
    body: { email, redirectTo: '/reset-password' },
    headers: { [CLIENT_IP_HEADER]: ip },
  })
}

function resetPassword(token: string, newPassword: string) {
  return app.call<{ code?: string; message?: string; status?: boolean }>(authPost, {
    path: '/api/auth/reset-password',
    body: { token, newPassword },
  })
}

/** Follows the emailed link as a browser would; answers where it lands. */
async function followLink(url: string): Promise<URL> {
  const link = new URL(url)
  const response = await app.call(authGet, {
    method: 'GET',
    path: `${link.pathname}${link.search}`,
  })
  expect(response.status).toBe(302)
  return new URL(response.headers.get('location') ?? '', app.context.env.appUrl)
}

function linkIn(text: string): string {
  const match = text.match(/Choose a new password: (\S+)/)
  if (!match?.[1]) throw new Error(`no reset link in: ${text}`)
  return match[1]
}

describe('forgot password', () => {
  test('the reset link arrives as an outbox email, works once, and the new password signs in', async () => {
    const user = await app.createUser()
    const requested = await requestReset(user.email)
    expect(requested.status).toBe(200)

    const [email, ...others] = await resetEmailsTo(user.email)
    expect(others).toEqual([])
    expect(email?.subject).toBe('Reset your AutoDoctor password')
    expect(email?.text).toContain('expires in 60 minutes')
    const landing = await followLink(linkIn(email?.text ?? ''))
    expect(landing.pathname).toBe('/reset-password')
    const token = landing.searchParams.get('token') ?? ''
    expect(token).not.toBe('')

    expect((await resetPassword(token, 'new-secret-123')).status).toBe(200)
    expect((await app.signIn({ email: user.email, password: 'new-secret-123' })).status).toBe(200)
    expect((await app.signIn({ email: user.email, password: user.password })).status).toBe(401)

    // The same link a second time: refused, and the link itself now lands on the error.
    const again = await resetPassword(token, 'another-secret-456')
    expect(again.status).toBe(400)
    expect(again.body.code).toBe('INVALID_TOKEN')
    expect((await followLink(linkIn(email?.text ?? ''))).searchParams.get('error')).toBe(
      'INVALID_TOKEN',
    )
  })

  test('an unknown email gets the same answer and no email', async () => {
    const known = await app.createUser()
    const unknown = uniqueEmail('nobody')
    const [forKnown, forUnknown] = [await requestReset(known.email), await requestReset(unknown)]
    expect(forUnknown.status).toBe(forKnown.status)
    expect(forUnknown.body).toEqual(forKnown.body)
    expect(await resetEmailsTo(unknown)).toEqual([])
  })

  test('an expired link is refused', async () => {
    const user = await app.createUser()
    await requestReset(user.email)
    const [email] = await resetEmailsTo(user.email)
    const token = (await followLink(linkIn(email?.text ?? ''))).searchParams.get('token') ?? ''
    await app.database.db
      .update(authVerifications)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(like(authVerifications.identifier, `%${token}%`))

    const late = await resetPassword(token, 'new-secret-123')
    expect(late.status).toBe(400)
    expect(late.body.code).toBe('INVALID_TOKEN')
  })

  test('a password that is too short is refused with a message', async () => {
    const user = await app.createUser()
    await requestReset(user.email)
    const [email] = await resetEmailsTo(user.email)
    const token = (await followLink(linkIn(email?.text ?? ''))).searchParams.get('token') ?? ''
    const short = await resetPassword(token, 'short')
    expect(short.status).toBe(400)
    expect(short.body.message).toMatch(/short/i)
  })

  test('asking for many resets from one address is throttled', async () => {
    const ip = uniqueIp()
    const statuses: number[] = []
    for (let attempt = 0; attempt < 11; attempt++) {
      statuses.push((await requestReset(uniqueEmail('flood'), ip)).status)
    }
    expect(statuses.slice(0, 10).every((status) => status === 200)).toBe(true)
    expect(statuses[10]).toBe(429)
  })
})
