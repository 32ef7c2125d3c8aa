import { afterAll, beforeAll, expect, test } from 'vitest'
import { GET as unknownApiGet, POST as unknownApiPost } from '@/app/api/[...path]/route'
import { GET as healthGet } from '@/app/api/health/route'
import packageJson from '../../package.json' with { type: 'json' }
import { startTestApp, type TestApp } from '../support/test-app'

let app: TestApp

beforeAll(async () => {
  app = await startTestApp()
})

afterAll(() => app.close())

test('the health check reports the database and the running version', async () => {
  const before = Date.now()
  const health = await app.call(healthGet, { path: '/api/health' })

  expect(health.status).toBe(200)
  expect(health.headers.get('cache-control')).toBe('no-store')
  expect(health.body).toEqual({
    status: 'ok',
    db: 'ok',
    realtime: 'ok',
    version: packageJson.version,
    time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
  })
  const reported = Date.parse(String(health.body.time))
  expect(reported).toBeGreaterThanOrEqual(before - 1000)
  expect(reported).toBeLessThanOrEqual(Date.now() + 1000)
})

test('an unknown API path answers 404 in the API error shape', async () => {
  const read = await app.call(unknownApiGet, {
    path: '/api/no-such-thing',
    params: { path: ['no-such-thing'] },
  })
  const write = await app.call(unknownApiPost, {
    path: '/api/sessions/nope/explode',
    body: { any: 'thing' },
    params: { path: ['sessions', 'nope', 'explode'] },
  })

  for (const result of [read, write]) {
    expect(result.status).toBe(404)
    expect(result.body).toEqual({ error: { code: 'not_found', message: 'No such API route' } })
  }
})
