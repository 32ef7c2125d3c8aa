import { expect, test } from '@playwright/test'
import { demo, signInThroughApi } from '../support/accounts'
import { collectPageErrors, expectNoHorizontalOverflow } from '../support/page-checks'
import {
  type Account,
  type Person,
  signUpApprovedMechanic,
  signUpCustomer,
} from '../support/people'
import {
  freePort,
  makeDataDir,
  type ProductionServer,
  removeDataDir,
  startProductionServer,
} from '../support/production-server'
import { acceptThroughApi, bookAndPay } from '../support/requests'
import { screenshot } from '../support/screenshots'
import { nextSocketConnection } from '../support/socket-connection'

// A server of its own with the monitor's limits in seconds instead of minutes, so a session gets
// stuck while the test watches. It may take three minutes to start on a busy machine.
test.describe.configure({ timeout: 600_000 })

const STUCK_SECONDS = 3

test('an admin watching Health sees a stuck session appear; the mechanic sees the nudge', async ({
  browser,
}) => {
  const dataDir = makeDataDir('monitor')
  let server: ProductionServer | undefined
  try {
    server = await startProductionServer({
      port: await freePort(),
      dataDir,
      env: {
        LOG_LEVEL: 'warn',
        MONITOR_INTERVAL_MS: '500',
        MONITOR_START_NUDGE_SECONDS: String(STUCK_SECONDS),
        MONITOR_WAITING_ALERT_SECONDS: String(STUCK_SECONDS),
      },
    })
    const baseURL = server.url

    const adminContext = await browser.newContext({ baseURL })
    await signInThroughApi(adminContext.request, baseURL, demo.admin)
    const admin = await adminContext.newPage()
    const adminErrors = collectPageErrors(admin)
    const adminConnected = nextSocketConnection(admin)
    await admin.goto('/admin/health')
    await expect(admin.getByRole('heading', { name: 'Health', level: 1 })).toBeVisible()
    // The server this page came from beats its heartbeat, so it is listed as alive.
    await expect(admin.getByTestId('instances')).toContainText('alive')
    await adminConnected
    // Set once; a reload would lose it.
    await admin.evaluate(() => {
      ;(window as unknown as { healthMarker: number }).healthMarker = 1
    })

    // People of this server: their browsers resolve paths against it.
    const person = async (
      signUp: (api: Person['context']['request']) => Promise<Account>,
    ): Promise<Person> => {
      const context = await browser.newContext({ baseURL })
      const account = await signUp(context.request)
      return { ...account, context, page: await context.newPage() }
    }
    const customer = await person((api) => signUpCustomer(api, baseURL))
    const mechanic = await person((api) =>
      signUpApprovedMechanic(api, baseURL, adminContext.request),
    )
    const sessionId = await bookAndPay(customer, baseURL)
    const mechanicConnected = nextSocketConnection(mechanic.page)
    await mechanic.page.goto(`${baseURL}/mechanic`)
    await mechanicConnected
    await acceptThroughApi(mechanic, baseURL, sessionId)

    // Nobody opens the room: the mechanic's dashboard shows the nudge without a reload.
    const nudge = mechanic.page.getByTestId('notice-start_nudge')
    await expect(nudge).toBeVisible({ timeout: 30_000 })
    await expect(nudge).toContainText('have not opened the session')
    await expect(
      admin.locator(
        `[data-testid="alert"][data-condition="start_nudge"][data-subject="${sessionId}"]`,
      ),
    ).toBeVisible({ timeout: 30_000 })

    // The customer opens the room and waits alone: the alert appears on the admin's open page.
    await customer.page.goto(`${baseURL}/chat/${sessionId}`)
    const stuck = admin.locator(
      `[data-testid="alert"][data-condition="waiting_stuck"][data-subject="${sessionId}"]`,
    )
    await expect(stuck).toBeVisible({ timeout: 30_000 })
    await expect(stuck).toContainText('Waiting for the second participant')
    await expect(stuck).toContainText('Stuck for')
    await expect(stuck.getByRole('link', { name: 'View session' })).toHaveAttribute(
      'href',
      `/sessions/${sessionId}`,
    )
    expect(
      await admin.evaluate(() => (window as unknown as { healthMarker?: number }).healthMarker),
    ).toBe(1)
    // The absent mechanic is reminded to join, on the same dashboard, still without a reload.
    await expect(mechanic.page.getByTestId('notice-waiting_stuck')).toBeVisible({
      timeout: 30_000,
    })
    await expect(admin.getByTestId('monitor-acted-runs')).toContainText('1 waiting')

    for (const width of [1280, 375]) {
      await admin.setViewportSize({ width, height: 900 })
      await expectNoHorizontalOverflow(admin)
      await screenshot(admin, `admin-health-${width}`)
    }
    await mechanic.page.setViewportSize({ width: 375, height: 800 })
    await screenshot(mechanic.page, 'mechanic-nudge-375')

    // Acknowledging moves the alert to the acknowledged list.
    await admin.setViewportSize({ width: 1280, height: 900 })
    await stuck.getByRole('button', { name: /^Acknowledge/ }).click()
    // Seen taking 15 s to render this page again on a machine running two suites at once.
    await expect(
      admin
        .getByTestId('acknowledged-alerts')
        .locator(`[data-condition="waiting_stuck"][data-subject="${sessionId}"]`),
    ).toBeVisible({ timeout: 60_000 })
    expect(adminErrors).toEqual([])

    await customer.context.close()
    await mechanic.context.close()
    await adminContext.close()
  } finally {
    await server?.stop()
    removeDataDir(dataDir)
  }
})
