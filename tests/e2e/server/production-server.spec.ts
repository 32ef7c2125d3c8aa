import { request as httpRequest } from 'node:http'
import { expect, test } from '@playwright/test'
import { createTestDatabase } from '../../support/postgres'
import { type Credentials, demo, uniqueEmail } from '../support/accounts'
import {
  freePort,
  makeDataDir,
  type ProductionServer,
  removeDataDir,
  startProductionServer,
  waitUntilRefused,
} from '../support/production-server'

// Each test starts and stops its own servers; give them room on a small machine.
test.describe.configure({ timeout: 300_000 })

async function signIn(server: ProductionServer, credentials: Credentials): Promise<number> {
  const response = await fetch(`${server.url}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ email: credentials.email, password: credentials.password }),
  })
  return response.status
}

/**
 * Posts a JSON body in two halves. `Expect: 100-continue` makes the server confirm it has parsed
 * the headers and handed the request to the app, and `between` runs once the first half has been
 * written: the request is known to be in flight, mid-way through its body.
 */
function postInTwoHalves(
  url: string,
  body: string,
  between: () => Promise<void>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        origin: new URL(url).origin,
        expect: '100-continue',
      },
    })
    req.on('error', reject)
    req.on('response', (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        text += chunk
      })
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }))
    })
    req.once('continue', () => {
      const half = Math.floor(body.length / 2)
      req.write(body.slice(0, half), () => {
        between().then(() => req.end(body.slice(half)), reject)
      })
    })
    req.flushHeaders()
  })
}

test('accounts survive a restart on the same data directory', async () => {
  const dataDir = makeDataDir('restart')
  const port = await freePort()
  try {
    const first = await startProductionServer({ port, dataDir })
    const credentials = { email: uniqueEmail('customer'), password: 'survives-restarts' }
    const signUp = await fetch(`${first.url}/api/auth/sign-up/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: first.url },
      body: JSON.stringify({ name: 'Rita Restart', ...credentials }),
    })
    expect(signUp.status).toBe(200)
    expect(await first.stop()).toBe(0)

    const second = await startProductionServer({ port, dataDir })
    try {
      expect(await signIn(second, credentials)).toBe(200)
      expect(await signIn(second, demo.customer)).toBe(200)
    } finally {
      expect(await second.stop()).toBe(0)
    }
  } finally {
    removeDataDir(dataDir)
  }
})

test('SIGTERM lets a request that is still uploading finish, then exits cleanly', async () => {
  const dataDir = makeDataDir('graceful')
  const port = await freePort()
  try {
    const server = await startProductionServer({ port, dataDir })
    const credentials = { email: uniqueEmail('mechanic'), password: 'graceful-exit-1' }
    const application = JSON.stringify({
      name: 'Gale Graceful',
      ...credentials,
      yearsExperience: 6,
      specialties: ['Suspension'],
    })

    const response = await postInTwoHalves(
      `${server.url}/api/mechanics/apply`,
      application,
      async () => {
        server.child.kill('SIGTERM')
        await waitUntilRefused(port)
      },
    )

    expect(response.status, response.body).toBe(201)
    expect(JSON.parse(response.body)).toMatchObject({ mechanic: { approved: false } })
    expect(await server.exited, server.output()).toBe(0)
    expect(server.output()).toContain('shutdown complete')

    const restarted = await startProductionServer({ port, dataDir })
    try {
      expect(await signIn(restarted, credentials)).toBe(200)
    } finally {
      expect(await restarted.stop()).toBe(0)
    }
  } finally {
    removeDataDir(dataDir)
  }
})

test('with only DATABASE_URL set, the server runs on PostgreSQL and keeps data across restarts', async () => {
  const database = await createTestDatabase('autodoctor_e2e')
  const dataDir = makeDataDir('postgres')
  const port = await freePort()
  try {
    const first = await startProductionServer({
      port,
      dataDir,
      env: { DATABASE_URL: database.url },
    })
    const credentials = { email: uniqueEmail('customer'), password: 'survives-on-postgres' }
    try {
      const health = await fetch(`${first.url}/api/health`)
      expect(health.status).toBe(200)
      expect(await health.json()).toMatchObject({ status: 'ok', db: 'ok' })
      expect(first.output()).toContain('"database":"postgres"')
      expect(await signIn(first, demo.admin)).toBe(200)
      const signUp = await fetch(`${first.url}/api/auth/sign-up/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: first.url },
        body: JSON.stringify({ name: 'Paula Postgres', ...credentials }),
      })
      expect(signUp.status).toBe(200)
    } finally {
      expect(await first.stop()).toBe(0)
    }
    const second = await startProductionServer({
      port,
      dataDir,
      env: { DATABASE_URL: database.url },
    })
    try {
      expect(await signIn(second, credentials)).toBe(200)
    } finally {
      expect(await second.stop()).toBe(0)
    }
  } finally {
    removeDataDir(dataDir)
    await database.drop()
  }
})
