import { expect, test } from '@playwright/test'
import { signUpApprovedMechanic, signUpCustomer } from '../support/people'
import {
  freePort,
  makeDataDir,
  type ProductionServer,
  removeDataDir,
  startProductionServer,
} from '../support/production-server'
import { payForRequest, uniqueConcern } from '../support/requests'

// One server is stopped and started again on the same port and data directory.
test.describe.configure({ timeout: 360_000 })

test('after the server restarts, an open page reconnects by itself and catches up', async ({
  browser,
}) => {
  const dataDir = makeDataDir('restart')
  const port = await freePort()
  const servers: ProductionServer[] = []
  try {
    const env = { LOG_LEVEL: 'warn' }
    const first = await startProductionServer({ port, dataDir, env })
    servers.push(first)
    const customer = await browser.newContext({ baseURL: first.url })
    const mechanic = await browser.newContext({ baseURL: first.url })
    await signUpCustomer(customer.request, first.url)
    await signUpApprovedMechanic(mechanic.request, first.url)
    const sessionId = await payForRequest(customer.request, first.url, {
      concern: uniqueConcern(),
    })
    const page = await customer.newPage()
    await page.goto('/customer')
    await expect(page.getByRole('heading', { name: 'Finding a mechanic…' })).toBeVisible()

    // A graceful restart (SIGTERM, then a new process), as a deploy does.
    expect(await first.stop()).toBe(0)
    const second = await startProductionServer({ port, dataDir, env })
    servers.push(second)
    const accepted = await mechanic.request.post(`/api/sessions/${sessionId}/accept`, {
      headers: { origin: second.url },
    })
    expect(accepted.status(), await accepted.text()).toBe(200)

    // No reload: the page's socket came back on its own and the accept reached the page.
    await expect(page.getByRole('link', { name: 'Join Session' })).toBeVisible({
      timeout: 30_000,
    })
    await customer.close()
    await mechanic.close()
  } finally {
    for (const server of servers) await server.stop()
    removeDataDir(dataDir)
  }
})
