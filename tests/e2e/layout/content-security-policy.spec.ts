import { expect, test } from '@playwright/test'
import { demo } from '../support/accounts'

const scriptSources = (csp: string) =>
  (csp.split(';').find((directive) => directive.trim().startsWith('script-src')) ?? '').trim()

test('pages allow only their own scripts: a fresh nonce per response, no inline script', async ({
  page,
  request,
}) => {
  const first = scriptSources(
    (await request.get('/sign-in')).headers()['content-security-policy'] ?? '',
  )
  const second = scriptSources(
    (await request.get('/sign-in')).headers()['content-security-policy'] ?? '',
  )
  expect(first).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/)
  expect(first).not.toContain("'unsafe-inline'")
  expect(second).not.toBe(first)

  const violations: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/.test(message.text()))
      violations.push(message.text())
  })
  await page.goto('/sign-in')
  // The page's own scripts run: the form is hydrated and signs in.
  await page.getByLabel('Email').fill(demo.customer.email)
  await page.getByLabel('Password').fill(demo.customer.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).toHaveURL(/\/customer$/)
  expect(violations).toEqual([])

  // Markup an attacker got into the page (stored XSS) arrives with the response: its inline
  // script has no nonce and does not run, while the page's own scripts still do.
  await page.route('**/customer', async (route) => {
    const response = await route.fetch()
    const html = (await response.text()).replace(
      '<body',
      '<script>window.__injected = true</script><body',
    )
    await route.fulfill({ response, body: html })
  })
  await page.goto('/customer')
  await expect(page.getByRole('button', { name: 'Continue to payment' })).toBeEnabled()
  expect(await page.evaluate(() => 'injected' in window || '__injected' in window)).toBe(false)
  expect(violations.some((text) => text.includes('inline script'))).toBe(true)
})
