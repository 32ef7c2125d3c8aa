import { type APIRequestContext, type Browser, expect, type Page, test } from '@playwright/test'
import { demo, signInThroughApi } from '../support/accounts'
import { expectNoAxeViolations } from '../support/page-checks'
import { adminApi, newApprovedMechanic, newCustomer, type Person } from '../support/people'
import { acceptThroughApi, bookAndPay } from '../support/requests'

// Three people per test, on a busy machine: the budget of the other two-person journeys.
test.describe.configure({ timeout: 300_000 })

const shots = process.env.E2E_SHOTS_DIR

async function shoot(page: Page, name: string): Promise<void> {
  if (!shots) return
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: width === 375 ? 812 : 900 })
    await page.screenshot({ path: `${shots}/${name}-${width}.png`, fullPage: false })
  }
  await page.setViewportSize({ width: 1280, height: 720 })
}

type LiveRoom = {
  admin: APIRequestContext
  customer: Person
  mechanic: Person
  sessionId: string
  roomPath: string
}

async function liveRoom(browser: Browser, baseURL: string | undefined): Promise<LiveRoom> {
  if (!baseURL) throw new Error('baseURL is not set')
  const admin = await adminApi(baseURL)
  const customer = await newCustomer(browser, baseURL)
  const mechanic = await newApprovedMechanic(browser, baseURL, admin)
  const sessionId = await bookAndPay(customer, baseURL, 'chat')
  const roomPath = await acceptThroughApi(mechanic, baseURL, sessionId)
  await customer.page.goto(roomPath)
  await mechanic.page.goto(roomPath)
  for (const page of [customer.page, mechanic.page]) {
    await expect(page.getByTestId('room-status')).toHaveText(/Live/)
  }
  return { admin, customer, mechanic, sessionId, roomPath }
}

async function leave({ admin, customer, mechanic }: LiveRoom): Promise<void> {
  await customer.context.close()
  await mechanic.context.close()
  await admin.dispose()
}

test('both participants are told while support watches the room, and when it stops', async ({
  browser,
  baseURL,
}) => {
  const room = await liveRoom(browser, baseURL)
  const { customer, mechanic, roomPath } = room
  const supportContext = await browser.newContext({ baseURL })
  try {
    for (const page of [customer.page, mechanic.page]) {
      await expect(page.getByTestId('admin-watching')).toHaveCount(0)
    }
    await signInThroughApi(supportContext.request, String(baseURL), demo.admin)
    const support = await supportContext.newPage()
    await support.goto(roomPath)
    await expect(support.getByText('Watching as admin', { exact: true })).toBeVisible()

    for (const page of [customer.page, mechanic.page]) {
      await expect(page.getByTestId('admin-watching')).toHaveText(
        'Support is watching this session to help if something goes wrong.',
      )
    }
    // The watcher is not told about themselves.
    await expect(support.getByTestId('admin-watching')).toHaveCount(0)

    // Someone arriving while support watches is told at once.
    await customer.page.reload()
    await expect(customer.page.getByTestId('admin-watching')).toBeVisible()

    await support.goto('/admin')
    for (const page of [customer.page, mechanic.page]) {
      await expect(page.getByTestId('admin-watching')).toHaveCount(0)
    }
  } finally {
    await supportContext.close()
    await leave(room)
  }
})

test('ending early says which paid extension is refunded, and the refund follows', async ({
  browser,
  baseURL,
}) => {
  const room = await liveRoom(browser, baseURL)
  const { customer, mechanic, sessionId } = room
  const base = String(baseURL)
  try {
    // In the first minute, ending cancels and refunds everything (ADR 0019); the dialog says so.
    await customer.page.getByRole('button', { name: 'End Session', exact: true }).click()
    const dialog = customer.page.getByRole('dialog', { name: 'End this session?' })
    await expect(dialog.getByTestId('time-left-outcome')).toHaveText(
      'Ending in the first minute cancels the session, and what was paid is refunded in full.',
    )
    // After it, the dialog says plainly that the plan's time left is not refunded.
    await expect(dialog.getByTestId('time-left-outcome')).toHaveText(
      /^You have (28|29) min left\. Time left on your plan is not refunded\.$/,
      { timeout: 90_000 },
    )
    await dialog.getByRole('button', { name: 'Keep talking' }).click()

    const bought = await customer.context.request.post(`/api/sessions/${sessionId}/extensions`, {
      data: { option: '15' },
      headers: { origin: base },
    })
    expect(bought.status(), await bought.text()).toBe(201)
    const { checkout } = (await bought.json()) as { checkout: { checkoutId: string } }
    const paid = await customer.context.request.post(
      `/api/checkout/local/${checkout.checkoutId}/pay`,
      { headers: { origin: base } },
    )
    expect(paid.status(), await paid.text()).toBe(200)
    await expect(customer.page.getByTestId('extended-banner')).toBeVisible()

    await customer.page.getByRole('button', { name: 'End Session', exact: true }).click()
    await expect(dialog.getByTestId('time-left-outcome')).toHaveText(
      /^You have (43|44) min left; the unused \+15 min extension \(\$14\.99\) will be refunded\.$/,
    )
    await expectNoAxeViolations(customer.page)
    await shoot(customer.page, 'room-end-dialog-refund')
    await mechanic.page.getByRole('button', { name: 'End Session', exact: true }).click()
    await expect(
      mechanic.page
        .getByRole('dialog', { name: 'End this session?' })
        .getByTestId('time-left-outcome'),
    ).toContainText(`the customer's unused +15 min extension ($14.99) will be refunded`)
    await mechanic.page.keyboard.press('Escape')

    await dialog.getByRole('button', { name: 'End Session', exact: true }).click()
    await expect(customer.page).toHaveURL(`/customer?ended=${sessionId}`)

    // The session page shows the refund once the job has made it.
    await expect(async () => {
      await customer.page.goto(`/sessions/${sessionId}`)
      await expect(customer.page.getByTestId('extension-list')).toContainText('refunded', {
        timeout: 1_000,
      })
    }).toPass({ timeout: 30_000 })
    await expect(customer.page.getByTestId('extension-list')).toContainText('+15 min')
    await expectNoAxeViolations(customer.page)
    await shoot(customer.page, 'session-page-extension-refunded')
  } finally {
    await leave(room)
  }
})
