import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { POST as approvePost } from '@/app/api/admin/mechanics/[id]/approve/route'
import { POST as authPost } from '@/app/api/auth/[...all]/route'
import { POST as applyPost } from '@/app/api/mechanics/apply/route'
import { MAX_JSON_BODY_BYTES } from '@/server/api-route'
import { type CallOptions, startTestApp, type TestApp, uniqueEmail } from '../support/test-app'

let app: TestApp

beforeAll(async () => {
  app = await startTestApp()
})

afterAll(() => app.close())

function apply(options: Omit<CallOptions, 'path'>) {
  return app.call(applyPost, { path: '/api/mechanics/apply', method: 'POST', ...options })
}

function validApplication() {
  return {
    name: 'Sam Sprocket',
    email: uniqueEmail('applicant'),
    password: 'password-123',
    yearsExperience: 3,
    specialties: ['Engine'],
  }
}

function expectError(result: Awaited<ReturnType<typeof apply>>, status: number, code: string) {
  expect(result.status).toBe(status)
  expect(result.body).toMatchObject({ error: { code, message: expect.any(String) } })
  expect(result.body.error?.message.length).toBeGreaterThan(0)
}

/** A body delivered in pieces with no declared length, as a chunked upload arrives. */
function streamOf(text: string, chunkSize = 64 * 1024): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text)
  let offset = 0
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close()
      controller.enqueue(bytes.subarray(offset, offset + chunkSize))
      offset += chunkSize
    },
  })
}

describe('request bodies the API refuses', () => {
  test('malformed JSON is a 400', async () => {
    const result = await apply({
      body: '{"name": "Sam", ',
      headers: { 'content-type': 'application/json' },
    })
    expectError(result, 400, 'bad_request')
  })

  test('an empty body is a 400', async () => {
    const result = await apply({ body: '', headers: { 'content-type': 'application/json' } })
    expectError(result, 400, 'bad_request')
  })

  test('a body that is not JSON is a 415', async () => {
    const form = new URLSearchParams(validApplication() as unknown as Record<string, string>)
    const result = await apply({
      body: form.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    expectError(result, 415, 'unsupported_media_type')
  })

  test('missing fields are a 422 naming the field', async () => {
    const { email: _email, ...withoutEmail } = validApplication()
    const result = await apply({ body: withoutEmail })
    expectError(result, 422, 'validation_failed')
    expect(result.body.error?.message).toContain('email')
  })

  test('a body over 1 MB is a 413, whether its length is declared or not', async () => {
    const huge = JSON.stringify({ ...validApplication(), name: 'x'.repeat(MAX_JSON_BODY_BYTES) })

    const declared = await apply({
      body: huge,
      headers: {
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(huge)),
      },
    })
    expectError(declared, 413, 'payload_too_large')

    const streamed = await apply({
      body: streamOf(huge),
      headers: { 'content-type': 'application/json' },
    })
    expectError(streamed, 413, 'payload_too_large')
  })

  test('a body just under 1 MB is read and validated', async () => {
    const padding = 'x'.repeat(MAX_JSON_BODY_BYTES - 1000)
    const result = await apply({ body: { ...validApplication(), name: padding } })
    expectError(result, 422, 'validation_failed')
  })
})

describe('text the API refuses', () => {
  test.each([
    ['a NUL character', 'Sam\u0000 Sprocket'],
    ['a lone surrogate', 'Sam \ud83d Sprocket'],
  ])('a name with %s is a 422 and creates no account', async (_case, name) => {
    const body = { ...validApplication(), name }

    const result = await apply({ body })

    expectError(result, 422, 'validation_failed')
    expect(result.body.error?.message).toContain('name')
    const later = await app.signIn({ email: body.email, password: body.password })
    expect(later.status).toBe(401)
  })
})

describe('cross-site writes', () => {
  test('a write from another origin is a 403 and does nothing', async () => {
    const body = validApplication()
    const result = await apply({ body, headers: { origin: 'https://evil.example' } })
    expectError(result, 403, 'forbidden')

    const later = await app.signIn({ email: body.email, password: body.password })
    expect(later.status).toBe(401)
  })

  test('a browser marking the request cross-site is refused even without an Origin', async () => {
    const result = await apply({
      body: validApplication(),
      headers: { 'sec-fetch-site': 'cross-site' },
    })
    expectError(result, 403, 'forbidden')
  })

  test('auth writes from another origin are refused in the same shape', async () => {
    const user = await app.createUser()
    const result = await app.call(authPost, {
      path: '/api/auth/sign-in/email',
      body: { email: user.email, password: user.password },
      headers: { origin: 'https://evil.example' },
    })
    expectError(result, 403, 'forbidden')
    expect(result.cookie).toBe('')
  })

  test('an admin action from another origin is refused before anything else', async () => {
    const admin = await app.createUser({ role: 'admin' })
    const mechanic = await app.createUser({ role: 'mechanic', approved: false })
    const result = await app.call(approvePost, {
      path: `/api/admin/mechanics/${mechanic.id}/approve`,
      method: 'POST',
      params: { id: mechanic.id },
      cookie: admin.cookie,
      headers: { origin: 'https://evil.example' },
    })
    expectError(result, 403, 'forbidden')
  })
})
