import { expect, test } from '@playwright/test'
import { demo, signInThroughApi } from '../support/accounts'
import { signUpApprovedMechanic, signUpCustomer } from '../support/people'
import { payForRequest, uniqueConcern } from '../support/requests'
import { screenshot } from '../support/screenshots'
import { nextSocketConnection } from '../support/socket-connection'

test('an admin filters sessions by status and sees them change live', async ({
  page,
  browser,
  baseURL,
}) => {
  const base = String(baseURL)
  const customer = await browser.newContext({ baseURL })
  const mechanic = await browser.newContext({ baseURL })
  try {
    const who = await signUpCustomer(customer.request, base)
    const sessionId = await payForRequest(customer.request, base, {
      plan: 'diagnostic',
      concern: uniqueConcern(),
    })
    await signInThroughApi(page.request, base, demo.admin)

    await page.goto('/admin')
    await page.getByRole('link', { name: 'Pending', exact: true }).click()
    await expect(page).toHaveURL('/admin?status=pending')
    await expect(page.getByRole('link', { name: 'Pending', exact: true })).toHaveAttribute(
      'aria-current',
      'page',
    )
    const row = page.locator(`[data-testid="session-row"][data-session-id="${sessionId}"]`)
    await expect(row).toContainText(who.name)
    await expect(row).toContainText('Diagnostic')
    await expect(row).toContainText('Pending')
    await expect(row).toContainText('$49.99')
    await expect(row.getByRole('link', { name: /^Diagnostic/ })).toHaveAttribute(
      'href',
      `/sessions/${sessionId}`,
    )
    await screenshot(page, 'dashboards-admin-pending')

    // The list shows no sign of its socket; the accept below must happen after it is connected.
    const connected = nextSocketConnection(page)
    await page.goto('/admin?status=accepted')
    await expect(row).toHaveCount(0)
    await connected
    // A mechanic accepts; the accepted list picks it up without a reload.
    const mechanicPerson = await signUpApprovedMechanic(mechanic.request, base)
    const accepted = await mechanic.request.post(`/api/sessions/${sessionId}/accept`, {
      headers: { origin: base },
    })
    expect(accepted.status()).toBe(200)
    await expect(row).toContainText(mechanicPerson.name)
    await expect(row).toContainText('Accepted')

    await page.goto('/admin?status=pending')
    await expect(row).toHaveCount(0)
    await page.goto('/admin')
    await expect(row).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Mechanic applications' })).toBeVisible()
  } finally {
    await customer.close()
    await mechanic.close()
  }
})
