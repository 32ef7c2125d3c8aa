import { expect, test } from '@playwright/test'
import { holdSocket } from '../support/hold-socket'
import { signUpCustomer } from '../support/people'
import {
  freePort,
  makeDataDir,
  type ProductionServer,
  removeDataDir,
  startProductionServer,
} from '../support/production-server'
import { payForRequest, uniqueConcern } from '../support/requests'
import { screenshot } from '../support/screenshots'

// Its own server, where an unaccepted request expires after seconds instead of 15 minutes.
// A server start alone may take up to three minutes on a busy machine (see startProductionServer).
test.describe.configure({ timeout: 300_000 })

test('a request nobody accepts expires and the dashboard says it was refunded', async ({
  browser,
}) => {
  const dataDir = makeDataDir('expiry')
  let server: ProductionServer | undefined
  try {
    server = await startProductionServer({
      port: await freePort(),
      dataDir,
      // Long enough for the dashboard to render while the request is still waiting.
      env: { REQUEST_TIMEOUT_SECONDS: '8', SWEEP_INTERVAL_MS: '200', LOG_LEVEL: 'warn' },
    })
    const context = await browser.newContext({ baseURL: server.url })
    const page = await context.newPage()
    await signUpCustomer(context.request, server.url)
    const sessionId = await payForRequest(context.request, server.url, {
      plan: 'video',
      concern: uniqueConcern(),
    })

    // The request expires after the page has rendered but before its socket is connected: no
    // `session:updated` can reach it, so only the check on connect can show the change.
    const socket = await holdSocket(page)
    await page.goto('/customer')
    await expect(page.getByRole('heading', { name: 'Finding a mechanic…' })).toBeVisible()
    await expect
      .poll(
        async () => {
          const response = await context.request.get(`/api/sessions/${sessionId}`)
          const { state } = (await response.json()) as { state: { status: string } }
          return state.status
        },
        { timeout: 30_000 },
      )
      .toBe('expired')
    socket.release()

    // No reload: the dashboard catches up by itself once its socket connects.
    await expect(
      page.getByText('No mechanic was available — you have been refunded $29.99.'),
    ).toBeVisible()
    await expect(page.getByTestId('active-session')).toHaveCount(0)
    const row = page.getByTestId('session-row')
    await expect(row).toContainText('No mechanic available')
    await expect(row).toContainText('refunded')
    await expect(page.getByRole('button', { name: 'Continue to payment' })).toBeVisible()
    await screenshot(page, 'dashboards-customer-expired')
    await context.close()
  } finally {
    await server?.stop()
    removeDataDir(dataDir)
  }
})
