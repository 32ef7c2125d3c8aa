import { type BrowserContext, expect, type Page, test } from '@playwright/test'
import {
  adminApi,
  newApprovedMechanic,
  signUpApprovedMechanic,
  signUpCustomer,
} from '../support/people'
import { acceptThroughApi, payForRequest, uniqueConcern } from '../support/requests'

/*
 * Someone waiting in another tab is called back: the tab's title changes until they return, a
 * chime plays, and the browser shows a notification when they allowed it. The page records the
 * notifications it shows, and is put "in another tab" the way the browser reports it.
 */

type Shown = { title: string; body: string }

async function recordNotifications(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const shown: { title: string; body: string }[] = []
    Object.assign(window, { shownNotifications: shown })
    const Original = window.Notification
    class Recording extends Original {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options)
        shown.push({ title, body: options?.body ?? '' })
      }
    }
    window.Notification = Recording
  })
}

function shownNotifications(page: Page): Promise<Shown[]> {
  return page.evaluate(
    () => (window as unknown as { shownNotifications: Shown[] }).shownNotifications,
  )
}

async function lookAway(page: Page): Promise<void> {
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' })
    document.hasFocus = () => false
    document.dispatchEvent(new Event('visibilitychange'))
  })
}

async function comeBack(page: Page): Promise<void> {
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' })
    document.hasFocus = () => true
    document.dispatchEvent(new Event('visibilitychange'))
  })
}

test('a customer in another tab is called back when a mechanic accepts', async ({
  browser,
  baseURL,
}) => {
  const origin = String(baseURL)
  const customer = await browser.newContext({ permissions: ['notifications'] })
  const admin = await adminApi(origin)
  const mechanic = await newApprovedMechanic(browser, origin, admin)
  try {
    await recordNotifications(customer)
    await signUpCustomer(customer.request, origin)
    const sessionId = await payForRequest(customer.request, origin, { concern: uniqueConcern() })
    const page = await customer.newPage()
    await page.goto('/customer')
    await expect(page.getByRole('heading', { name: 'Finding a mechanic…' })).toBeVisible()
    await expect(page.getByTestId('notify-me')).toHaveText('Notifications are on in this browser.')
    const title = await page.title()

    await lookAway(page)
    await acceptThroughApi(mechanic, origin, sessionId)
    await expect(page).toHaveTitle(`• Mechanic found — ${title}`)
    await expect
      .poll(() => shownNotifications(page))
      .toEqual([
        {
          title: 'Mechanic found',
          body: `${mechanic.name} accepted your request. Join the session when you are ready.`,
        },
      ])
    await expect(
      page.getByRole('heading', { name: `${mechanic.name} is your mechanic` }),
    ).toBeVisible()

    await comeBack(page)
    await expect(page).toHaveTitle(title)
  } finally {
    await admin.dispose()
    await customer.close()
    await mechanic.context.close()
  }
})

test('a free mechanic in another tab is called back by a new request', async ({
  browser,
  baseURL,
}) => {
  const origin = String(baseURL)
  const mechanic = await browser.newContext({ permissions: ['notifications'] })
  const customer = await browser.newContext()
  const admin = await adminApi(origin)
  try {
    await recordNotifications(mechanic)
    await signUpApprovedMechanic(mechanic.request, origin, admin)
    await signUpCustomer(customer.request, origin)
    const page = await mechanic.newPage()
    await page.goto('/mechanic')
    await expect(page.getByText('Live', { exact: true })).toBeVisible()
    await expect(page.getByTestId('notify-me')).toHaveText('Notifications are on in this browser.')
    // Other specs' requests may already have called the mechanic back; the page's own title is
    // what follows the flag.
    const title = (await page.title()).replace(/^• .+? — /, '')
    await comeBack(page)
    await expect(page).toHaveTitle(title)

    await lookAway(page)
    const concern = uniqueConcern()
    const sessionId = await payForRequest(customer.request, origin, { concern })
    await expect(
      page.locator(`[data-testid="queue-request"][data-session-id="${sessionId}"]`),
    ).toBeVisible()
    // Other specs book on this server too: the call may name theirs or several at once.
    await expect(page).toHaveTitle(new RegExp(`^• (New request|\\d+ new requests) — ${title}$`))
    await expect
      .poll(async () => (await shownNotifications(page)).map((shown) => shown.title))
      .toContainEqual(expect.stringMatching(/^(New request|\d+ new requests)$/))

    await comeBack(page)
    await expect(page).toHaveTitle(title)
  } finally {
    await admin.dispose()
    await mechanic.close()
    await customer.close()
  }
})

test('without permission yet, the page offers to notify and says why', async ({
  page,
  baseURL,
}) => {
  const origin = String(baseURL)
  await signUpCustomer(page.request, origin)
  await payForRequest(page.request, origin, { concern: uniqueConcern() })
  await page.goto('/customer')
  const offer = page.getByTestId('notify-me')
  await expect(offer.getByRole('button', { name: 'Notify me' })).toBeVisible()
  await expect(offer).toContainText('to hear when a mechanic accepts, even from another tab.')
})
