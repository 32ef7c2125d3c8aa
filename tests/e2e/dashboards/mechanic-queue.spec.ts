import { expect, test } from '@playwright/test'
import { signUpApprovedMechanic, signUpCustomer } from '../support/people'
import { payForRequest, uniqueConcern } from '../support/requests'
import { screenshot } from '../support/screenshots'
import { nextSocketConnection } from '../support/socket-connection'

// Two people, each signing up with real password hashing, then booking, paying and accepting:
// the same budget as the other two-person journeys, so a busy machine slows them but does not
// fail them.
test.describe.configure({ timeout: 120_000 })

test('a paid request appears in the queue without a reload, and Accept opens the room', async ({
  page,
  browser,
  baseURL,
}) => {
  const base = String(baseURL)
  await signUpApprovedMechanic(page.request, base)
  await page.goto('/mechanic')
  await expect(page.getByRole('heading', { name: 'Request queue' })).toBeVisible()
  // Subscribed before the request is paid, so it can only arrive live.
  await expect(page.getByText('Live', { exact: true })).toBeVisible()

  const customer = await browser.newContext({ baseURL })
  try {
    const customerPage = await customer.newPage()
    const who = await signUpCustomer(customer.request, base)
    const concern = uniqueConcern()
    const sessionId = await payForRequest(customer.request, base, { plan: 'chat', concern })
    // The dashboard shows no sign of its socket; wait for the server to accept it before the
    // accept below, which the page must learn of live.
    const customerConnected = nextSocketConnection(customerPage)
    await customerPage.goto('/customer')
    await expect(customerPage.getByText('Finding a mechanic…')).toBeVisible()
    await customerConnected

    const request = page.getByTestId('queue-request').filter({ hasText: concern })
    await expect(request).toBeVisible()
    await expect(request).toContainText('Chat')
    await expect(request).toContainText('30 min')
    await expect(request).toContainText('2014 Mazda 3')
    await expect(request).toHaveAttribute('data-session-id', sessionId)
    await screenshot(page, 'dashboards-mechanic-queue')

    await request.getByRole('button', { name: /^Accept/ }).click()
    await expect(page).toHaveURL(`/chat/${sessionId}`)

    // The customer's dashboard follows without a reload.
    const active = customerPage.getByTestId('active-session')
    await expect(active.getByRole('heading', { name: /is your mechanic$/ })).toBeVisible()
    await expect(active.getByRole('link', { name: 'Join Session' })).toHaveAttribute(
      'href',
      `/chat/${sessionId}`,
    )
    await screenshot(customerPage, 'dashboards-customer-mechanic-assigned')

    // Back on the dashboard the mechanic sees the session and cannot take another.
    await page.goto('/mechanic')
    const mine = page.getByTestId('active-session')
    await expect(mine).toContainText(who.name)
    await expect(mine.getByRole('link', { name: 'Join Session' })).toHaveAttribute(
      'href',
      `/chat/${sessionId}`,
    )
    await expect(page.getByTestId('queue-request').filter({ hasText: concern })).toHaveCount(0)
    await screenshot(page, 'dashboards-mechanic-active')
  } finally {
    await customer.close()
  }
})

test('a request another mechanic took first says so and leaves the queue', async ({
  page,
  browser,
  baseURL,
}) => {
  const base = String(baseURL)
  await signUpApprovedMechanic(page.request, base)
  const rival = await browser.newContext({ baseURL })
  const customer = await browser.newContext({ baseURL })
  try {
    await signUpApprovedMechanic(rival.request, base)
    await signUpCustomer(customer.request, base)
    const concern = uniqueConcern()
    const sessionId = await payForRequest(customer.request, base, { concern })

    await page.goto('/mechanic')
    const request = page.getByTestId('queue-request').filter({ hasText: concern })
    await expect(request).toBeVisible()
    // Both click at once: freeze this tab's list so the rival's accept lands first.
    const stale = await (await page.request.get('/api/queue')).json()
    await page.route('**/api/queue', (route) => route.fulfill({ json: stale }))
    const taken = await rival.request.post(`/api/sessions/${sessionId}/accept`, {
      headers: { origin: base },
    })
    expect(taken.status()).toBe(200)

    await request.getByRole('button', { name: /^Accept/ }).click()
    await expect(page.getByText('Already taken by another mechanic')).toBeVisible()
    await expect(page).toHaveURL('/mechanic')
    await page.unroute('**/api/queue')
    await page.reload()
    await expect(page.getByTestId('queue-request').filter({ hasText: concern })).toHaveCount(0)
  } finally {
    await rival.close()
    await customer.close()
  }
})
