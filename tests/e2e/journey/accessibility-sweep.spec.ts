import { expect, type Page, test } from '@playwright/test'
import { demo, signInThroughApi } from '../support/accounts'
import { expectNoAxeViolations, expectNoHorizontalOverflow } from '../support/page-checks'
import { customerAndMechanic } from '../support/people'
import { acceptThroughApi, bookAndPay, uniqueConcern } from '../support/requests'
import { screenshot } from '../support/screenshots'

/**
 * Every page, and every state of the room and the dashboards a user can be in, at desktop and
 * phone width: axe finds nothing and nothing scrolls sideways. Other specs check the states they
 * create along the way; this one makes sure no page is left out.
 */

const widths = [1280, 375] as const

// Many pages, two widths and axe on each: slow on a busy machine.
test.describe.configure({ timeout: 600_000 })

/** Waits for `ready` to be visible, then checks the page at both widths. */
async function checkPage(page: Page, name: string, ready: () => Promise<void>): Promise<void> {
  for (const width of widths) {
    await page.setViewportSize({ width, height: width === 375 ? 812 : 900 })
    await ready()
    await expectNoAxeViolations(page)
    await expectNoHorizontalOverflow(page)
    await screenshot(page, `sweep-${name}-${width}`)
  }
  await page.setViewportSize({ width: 1280, height: 900 })
}

/** Seconds on the room's clock ("28:13" → 1693). */
async function secondsLeft(page: Page): Promise<number> {
  const text = (await page.getByTestId('session-clock').textContent()) ?? ''
  const [minutes, seconds] = text.trim().split(':').map(Number)
  return (minutes ?? 0) * 60 + (seconds ?? 0)
}

const heading = (page: Page, name: string | RegExp) => () =>
  expect(page.getByRole('heading', { level: 1, name })).toBeVisible()

test('public pages, signed out', async ({ page }) => {
  const pages: [string, string, string | RegExp][] = [
    ['/', 'home', /mechanic/i],
    ['/sign-in', 'sign-in', 'Sign in'],
    ['/sign-up', 'sign-up', /Create/i],
    ['/forgot-password', 'forgot-password', /password/i],
    ['/reset-password?token=not-a-real-token', 'reset-password', /password/i],
    ['/mechanics/apply', 'mechanic-apply', /mechanic/i],
    ['/terms', 'terms', 'Terms of service'],
    ['/privacy', 'privacy', 'Privacy'],
    ['/refunds', 'refunds', 'Refund policy'],
    ['/no-such-page', 'not-found', /not found|can't find|cannot find/i],
  ]
  for (const [path, name, title] of pages) {
    await page.goto(path)
    await checkPage(page, name, heading(page, title))
  }
})

test('the dashboards and the checkout, from booking to an accepted request', async ({
  browser,
  baseURL,
}) => {
  const base = String(baseURL)
  const { customer, mechanic } = await customerAndMechanic(browser, base)
  try {
    await customer.page.goto('/customer')
    await checkPage(customer.page, 'customer-empty', () =>
      expect(customer.page.getByRole('button', { name: 'Continue to payment' })).toBeVisible(),
    )

    // An open checkout, as the customer sees it before paying.
    const booked = await customer.context.request.post('/api/bookings', {
      data: {
        plan: 'chat',
        vehicle: { make: 'Mazda', model: '3', year: 2014 },
        concern: uniqueConcern(),
      },
      headers: { origin: base },
    })
    expect(booked.status(), await booked.text()).toBe(201)
    const { checkout } = (await booked.json()) as { checkout: { url: string } }
    await customer.page.goto(checkout.url)
    await checkPage(customer.page, 'checkout', () =>
      expect(customer.page.getByTestId('pay-button')).toBeEnabled(),
    )
    await customer.page.getByRole('button', { name: 'Cancel', exact: true }).click()
    await expect(customer.page).toHaveURL(/\/customer/)

    const sessionId = await bookAndPay(customer, base)
    await customer.page.goto('/customer')
    await checkPage(customer.page, 'customer-waiting', () =>
      expect(customer.page.getByText(/Finding a mechanic/)).toBeVisible(),
    )

    await mechanic.page.goto('/mechanic')
    await checkPage(mechanic.page, 'mechanic-queue', () =>
      expect(mechanic.page.getByTestId('queue-request').first()).toBeVisible(),
    )

    await acceptThroughApi(mechanic, base, sessionId)
    await customer.page.goto('/customer')
    await checkPage(customer.page, 'customer-accepted', () =>
      expect(customer.page.getByRole('link', { name: 'Join Session' })).toBeVisible(),
    )
  } finally {
    await customer.context.close()
    await mechanic.context.close()
  }
})

test('a chat room from the first arrival to the summary', async ({ browser, baseURL }) => {
  const base = String(baseURL)
  const { customer, mechanic } = await customerAndMechanic(browser, base)
  try {
    const sessionId = await bookAndPay(customer, base)
    const roomPath = await acceptThroughApi(mechanic, base, sessionId)

    // The mechanic alone in the room, then both: the clock runs.
    await mechanic.page.goto(roomPath)
    await checkPage(mechanic.page, 'room-waiting', () =>
      expect(mechanic.page.getByTestId('room-status')).toBeVisible(),
    )
    await customer.page.goto(roomPath)
    await expect(customer.page.getByTestId('room-status')).toHaveText(/Live/)
    await checkPage(customer.page, 'room-live-customer', () =>
      expect(customer.page.getByTestId('session-clock')).toBeVisible(),
    )
    await checkPage(mechanic.page, 'room-live-mechanic', () =>
      expect(mechanic.page.getByTestId('room-status')).toHaveText(/Live/),
    )

    // A session live for under a minute is cancelled and refunded, with no summary: wait until the
    // clock has run a minute, so this one completes.
    await expect
      .poll(() => secondsLeft(customer.page), { timeout: 180_000 })
      .toBeLessThan(29 * 60 - 5)
    const ended = await mechanic.context.request.post(`/api/sessions/${sessionId}/end`, {
      headers: { origin: base },
    })
    expect(ended.status(), await ended.text()).toBe(200)
    await mechanic.page.goto(`/sessions/${sessionId}/summary`)
    await checkPage(mechanic.page, 'summary-form', () =>
      expect(mechanic.page.getByRole('button', { name: /^Send to/ })).toBeVisible(),
    )
    await mechanic.page.goto('/mechanic')
    await checkPage(mechanic.page, 'mechanic-summary-due', () =>
      expect(mechanic.page.getByText(/Summary due/).first()).toBeVisible(),
    )
    await customer.page.goto(`/customer?ended=${sessionId}`)
    await checkPage(customer.page, 'customer-end-screen', () =>
      expect(customer.page.getByRole('link', { name: /Book again/ })).toBeVisible(),
    )
    await customer.page.goto(`/sessions/${sessionId}`)
    await checkPage(customer.page, 'session-detail-ended', heading(customer.page, /session/i))
  } finally {
    await customer.context.close()
    await mechanic.context.close()
  }
})

test('the video room before the call, for both participants', async ({ browser, baseURL }) => {
  const base = String(baseURL)
  const { customer, mechanic } = await customerAndMechanic(browser, base)
  try {
    const sessionId = await bookAndPay(customer, base, 'video')
    const roomPath = await acceptThroughApi(mechanic, base, sessionId)
    expect(roomPath).toMatch(/^\/video\//)
    await customer.page.goto(roomPath)
    // Once the check has passed: axe must not catch the button while it fades in.
    const join = customer.page.getByRole('button', { name: 'Join the call' })
    await checkPage(customer.page, 'video-device-check', async () => {
      await expect(join).toBeEnabled()
      await expect(join).toHaveCSS('opacity', '1')
    })
  } finally {
    await customer.context.close()
    await mechanic.context.close()
  }
})

test('the admin pages', async ({ page, baseURL }) => {
  const base = String(baseURL)
  await signInThroughApi(page.request, base, demo.admin)
  for (const [path, name, title] of [
    ['/admin', 'admin-overview', 'Admin overview'],
    ['/admin/mechanics', 'admin-mechanics', /./],
    ['/admin/health', 'admin-health', /./],
    ['/admin/ratings', 'admin-ratings', 'Ratings'],
    ['/admin/mail', 'admin-mail', /./],
  ] as const) {
    await page.goto(path)
    await checkPage(page, name, heading(page, title))
  }
})
