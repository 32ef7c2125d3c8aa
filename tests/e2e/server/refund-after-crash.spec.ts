import { expect, request, test } from '@playwright/test'
import { createTestDatabase, type TestDatabase } from '../../support/postgres'
import { demo, signInThroughApi, uniqueEmail } from '../support/accounts'
import {
  freePort,
  makeDataDir,
  type ProductionServer,
  removeDataDir,
  startProductionServer,
} from '../support/production-server'

// Two production servers start one after the other; each may take three minutes on a busy machine.
test.describe.configure({ timeout: 360_000 })

test('a refund asked for just before a crash is made once after the restart', async () => {
  const database: TestDatabase = await createTestDatabase('autodoctor_e2e_crash')
  const dataDir = makeDataDir('crash')
  const servers: ProductionServer[] = []
  try {
    const env = { DATABASE_URL: database.url, LOG_LEVEL: 'warn' }
    // The first server's job worker would only look again in ten minutes: it is killed first.
    const first = await startProductionServer({
      port: await freePort(),
      dataDir,
      env: { ...env, JOB_INTERVAL_MS: '600000' },
    })
    servers.push(first)
    const customer = await request.newContext({ baseURL: first.url })
    const headers = { origin: first.url }
    const signUp = await customer.post('/api/auth/sign-up/email', {
      data: { name: 'Dana Crash', email: uniqueEmail('customer'), password: 'timing-belt-77' },
      headers,
    })
    expect(signUp.status(), await signUp.text()).toBe(200)
    const booked = await customer.post('/api/bookings', {
      data: {
        plan: 'chat',
        vehicle: { year: 2012, make: 'Ford', model: 'Focus' },
        concern: 'Stalls at idle.',
      },
      headers,
    })
    expect(booked.status(), await booked.text()).toBe(201)
    const { checkout } = (await booked.json()) as { checkout: { checkoutId: string } }
    const paid = await customer.post(`/api/checkout/local/${checkout.checkoutId}/pay`, { headers })
    expect(paid.status(), await paid.text()).toBe(200)
    const listed = (await (await customer.get('/api/sessions')).json()) as {
      sessions: { id: string }[]
    }
    const sessionId = listed.sessions[0]?.id ?? ''
    const cancelled = await customer.post(`/api/sessions/${sessionId}/end`, { headers })
    expect(cancelled.status(), await cancelled.text()).toBe(200)
    await customer.dispose()

    first.child.kill('SIGKILL')
    await first.exited

    const second = await startProductionServer({ port: await freePort(), dataDir, env })
    servers.push(second)
    const admin = await request.newContext({ baseURL: second.url })
    await signInThroughApi(admin, second.url, demo.admin)
    const refundsOf = async () => {
      const response = await admin.get(`/api/admin/sessions/${sessionId}/events`)
      const { events } = (await response.json()) as { events: { type: string }[] }
      return events.filter((event) => event.type === 'payment.refunded').length
    }
    await expect.poll(refundsOf, { timeout: 30_000 }).toBe(1)
    await admin.dispose()
  } finally {
    for (const server of servers) await server.stop()
    removeDataDir(dataDir)
    await database.drop()
  }
})
