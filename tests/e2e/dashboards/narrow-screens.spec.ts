import { expect, test } from '@playwright/test'
import { demo, signInThroughApi } from '../support/accounts'
import { expectNoHorizontalOverflow } from '../support/page-checks'
import { signUpApprovedMechanic, signUpCustomer } from '../support/people'
import { payForRequest, uniqueConcern } from '../support/requests'
import { screenshot } from '../support/screenshots'

test.use({ viewport: { width: 375, height: 740 } })

test('the customer pages fit a 375px-wide phone', async ({ page, baseURL }) => {
  const base = String(baseURL)
  await signUpCustomer(page.request, base)
  await page.goto('/customer')
  await expect(page.getByRole('button', { name: 'Continue to payment' })).toBeVisible()
  await expectNoHorizontalOverflow(page)
  await screenshot(page, 'dashboards-narrow-customer-form')

  const booked = await page.request.post('/api/bookings', {
    headers: { origin: base },
    data: {
      plan: 'diagnostic',
      vehicle: { year: 2009, make: 'Volkswagen', model: 'Passat Variant' },
      concern: `${uniqueConcern()} ${'It idles rough and the check-engine light flashes. '.repeat(8)}`,
    },
  })
  const { checkout } = (await booked.json()) as { checkout: { url: string } }
  await page.goto(checkout.url)
  await expect(page.getByRole('button', { name: 'Pay $49.99 — test mode' })).toBeVisible()
  await expectNoHorizontalOverflow(page)
  await screenshot(page, 'dashboards-narrow-checkout')

  await page.getByRole('button', { name: 'Pay $49.99 — test mode' }).click()
  await expect(page.getByText('Finding a mechanic…')).toBeVisible()
  await expectNoHorizontalOverflow(page)
  await screenshot(page, 'dashboards-narrow-customer-pending')
})

test('the mechanic and admin dashboards fit a 375px-wide phone', async ({
  page,
  browser,
  baseURL,
}) => {
  const base = String(baseURL)
  const customer = await browser.newContext({ baseURL })
  try {
    await signUpCustomer(customer.request, base)
    const concern = `${uniqueConcern()} ${'Clunk over speed bumps from the rear axle. '.repeat(6)}`
    await payForRequest(customer.request, base, { plan: 'video', concern })

    await signUpApprovedMechanic(page.request, base)
    await page.goto('/mechanic')
    await expect(page.getByTestId('queue-request').filter({ hasText: concern })).toBeVisible()
    await expectNoHorizontalOverflow(page)
    await screenshot(page, 'dashboards-narrow-mechanic')

    await page.context().clearCookies()
    await signInThroughApi(page.request, base, demo.admin)
    await page.goto('/admin')
    await expect(page.getByTestId('session-row').first()).toBeVisible()
    await expectNoHorizontalOverflow(page)
    await screenshot(page, 'dashboards-narrow-admin')
  } finally {
    await customer.close()
  }
})
