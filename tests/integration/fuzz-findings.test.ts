import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { GET as sessionEventsRoute } from '@/app/api/admin/sessions/[id]/events/route'
import { GET as authGet } from '@/app/api/auth/[...all]/route'
import { deliverWebhook, signedWebhook } from '../support/sessions'
import { startTestApp, type TestApp, type TestUser } from '../support/test-app'

/** Each request here once answered 5xx in the API fuzz test (fuzz-api.test.ts). */

let app: TestApp
let admin: TestUser

beforeAll(async () => {
  app = await startTestApp()
  admin = await app.createUser({ role: 'admin' })
})

afterAll(() => app.close())

describe('ids in the path', () => {
  test('an id with a NUL character is not found, not a server error', async () => {
    const result = await app.call(sessionEventsRoute, {
      path: '/api/admin/sessions/%00/events',
      cookie: admin.cookie,
      params: { id: '\u0000' },
    })
    expect(result.status).toBe(404)
    expect(result.body).toMatchObject({ error: { code: 'not_found' } })
  })
})

describe('payment webhooks', () => {
  test.each([[null], [42], ['checkout.session.completed'], [[]]])(
    'a signed event whose body is %j is acknowledged, not a server error',
    async (payload) => {
      const result = await deliverWebhook(app, signedWebhook(payload))
      expect(result.status).toBe(200)
      expect(result.body).toMatchObject({ received: true })
    },
  )
})

describe('auth links', () => {
  test.each(['null', 'not a url', '//evil.example/x', '/\\evil.example'])(
    'a verification link whose callbackURL is %j is refused, not a server error',
    async (callbackURL) => {
      const query = new URLSearchParams({ token: 'expired-or-forged', callbackURL })
      const result = await app.call(authGet, { path: `/api/auth/verify-email?${query}` })
      expect(result.status).toBe(400)
      expect(result.body).toMatchObject({ error: { code: 'bad_request' } })
    },
  )

  test('a verification link back to a page of ours still redirects there', async () => {
    const query = new URLSearchParams({ token: 'expired-or-forged', callbackURL: '/dashboard' })
    const result = await app.call(authGet, { path: `/api/auth/verify-email?${query}` })
    expect(result.status).toBe(302)
    expect(result.headers.get('location')).toMatch(/^\/dashboard\?error=/)
  })
})
