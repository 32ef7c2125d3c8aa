import { expect, type Page, test } from '@playwright/test'
import { demo, signInThroughApi } from '../support/accounts'
import { expectNoAxeViolations } from '../support/page-checks'
import { signUpApprovedMechanic, signUpCustomer } from '../support/people'
import { payForRequest, uniqueConcern } from '../support/requests'

test.describe.configure({ timeout: 120_000 })

const shots = process.env.E2E_SHOTS_DIR

async function shoot(page: Page, name: string): Promise<void> {
  if (!shots) return
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: width === 375 ? 812 : 900 })
    await page.screenshot({ path: `${shots}/${name}-${width}.png`, fullPage: true })
  }
  await page.setViewportSize({ width: 1280, height: 720 })
}

test('support finds a session by customer, sees how long it waits, and reads its timeline in words', async ({
  page,
  browser,
  baseURL,
}) => {
  const base = String(baseURL)
  const customer = await browser.newContext({ baseURL })
  const mechanic = await browser.newContext({ baseURL })
  try {
    const who = await signUpCustomer(customer.request, base)
    const sessionId = await payForRequest(customer.request, base, { concern: uniqueConcern() })
    await signInThroughApi(page.request, base, demo.admin)

    await page.goto('/admin?status=pending')
    await page
      .getByRole('searchbox', { name: 'Search by customer, mechanic, vehicle or session id' })
      .fill(who.name)
    await page.getByRole('button', { name: 'Search', exact: true }).click()
    await expect(page).toHaveURL(/[?&]q=/)
    await expect(page).toHaveURL(/status=pending/)
    const row = page.locator(`[data-testid="session-row"][data-session-id="${sessionId}"]`)
    await expect(row).toBeVisible()
    await expect(page.getByTestId('session-row')).toHaveCount(1)
    await expect(page.getByTestId('session-count')).toContainText('1–1 of 1 pending session')

    // The wait ticks on its own.
    const waited = row.getByTestId('waited').first()
    const firstReading = await waited.textContent()
    await expect(waited).not.toHaveText(firstReading ?? '', { timeout: 5_000 })
    await expect(waited).toHaveText(/^\d+:\d{2}$/)
    await expectNoAxeViolations(page)
    await shoot(page, 'admin-search-pending')

    await signUpApprovedMechanic(mechanic.request, base)
    const accepted = await mechanic.request.post(`/api/sessions/${sessionId}/accept`, {
      headers: { origin: base },
    })
    expect(accepted.status()).toBe(200)

    await page.goto(`/sessions/${sessionId}`)
    const events = page.getByTestId('session-event')
    await expect(events.first()).toContainText(
      'New request → Finding a mechanic (payment received)',
    )
    await expect(
      page.getByText('Finding a mechanic → Mechanic assigned (a mechanic accepted)'),
    ).toBeVisible()
    await expect(page.getByText(/pending →|→ accepted/)).toHaveCount(0)
    // Seconds on every time, and the gap since the event before.
    await expect(events.first().locator('time')).toHaveText(/\d{1,2}:\d{2}:\d{2}/)
    await expect(events.nth(1).getByTestId('event-gap')).toHaveText(/^ · \+\d+ (s|min)/)
    await expectNoAxeViolations(page)
    await shoot(page, 'admin-session-timeline')
  } finally {
    await customer.close()
    await mechanic.close()
  }
})
