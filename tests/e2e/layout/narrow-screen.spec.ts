import { expect, type Page, test } from '@playwright/test'
import { demo, signInThroughApi } from '../support/accounts'
import { screenshot } from '../support/screenshots'

test.use({ viewport: { width: 375, height: 740 } })

async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({
    document: document.documentElement.scrollWidth,
    body: document.body.scrollWidth,
    viewport: window.innerWidth,
  }))
  expect(widths.document).toBeLessThanOrEqual(widths.viewport)
  expect(widths.body).toBeLessThanOrEqual(widths.viewport)
}

test('the public pages fit a 375px-wide phone', async ({ page }) => {
  for (const [path, name] of [
    ['/', 'landing'],
    ['/sign-in', 'sign-in'],
    ['/sign-up', 'sign-up'],
    ['/mechanics/apply', 'mechanic-application'],
  ] as const) {
    await page.goto(path)
    await expectNoHorizontalOverflow(page)
    await screenshot(page, `narrow-${name}`)
  }
})

test('the dashboards fit a 375px-wide phone', async ({ page, baseURL }) => {
  await signInThroughApi(page.request, String(baseURL), demo.admin)
  for (const [path, name] of [
    ['/admin', 'admin-dashboard'],
    ['/admin/mechanics', 'admin-mechanics'],
  ] as const) {
    await page.goto(path)
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible()
    await expectNoHorizontalOverflow(page)
    await screenshot(page, `narrow-${name}`)
  }
})

test('the customer dashboard fits a 375px-wide phone', async ({ page, baseURL }) => {
  await signInThroughApi(page.request, String(baseURL), demo.customer)
  await page.goto('/customer')
  await expect(page.getByRole('heading', { name: `Hi, ${demo.customer.name}` })).toBeVisible()
  await expectNoHorizontalOverflow(page)
  await screenshot(page, 'narrow-customer-dashboard')
})
