import { expect, type Page, test } from '@playwright/test'
import { signUpCustomer } from '../support/people'
import { payForRequest, uniqueConcern } from '../support/requests'
import { screenshot } from '../support/screenshots'

async function fillBooking(page: Page, plan: RegExp, concern: string): Promise<void> {
  await page.getByRole('radio', { name: plan }).check()
  await page.getByLabel('Year').fill('2015')
  await page.getByLabel('Make').fill('Subaru')
  await page.getByLabel('Model').fill('Outback')
  await page.getByLabel('What is the problem?').fill(concern)
}

test('a customer books a chat, pays on the test-mode checkout and waits for a mechanic', async ({
  page,
  baseURL,
}) => {
  await signUpCustomer(page.request, String(baseURL))
  await page.goto('/customer')
  // Prices come from the server's plan table.
  await expect(page.getByRole('radio', { name: 'Chat: 30 min, $9.99' })).toBeVisible()
  await expect(page.getByRole('radio', { name: 'Video: 45 min, $29.99' })).toBeVisible()
  await expect(page.getByRole('radio', { name: 'Diagnostic: 60 min, $49.99' })).toBeVisible()
  await screenshot(page, 'dashboards-customer-booking-form')

  const concern = uniqueConcern()
  await fillBooking(page, /^Chat/, concern)
  await page.getByRole('button', { name: 'Continue to payment' }).click()

  await expect(page).toHaveURL(/\/checkout\/local\/[0-9a-f-]{36}$/)
  const checkoutUrl = page.url()
  await expect(page.getByText('Test-mode checkout — no card needed')).toBeVisible()
  await expect(page.getByTestId('checkout-amount')).toHaveText('$9.99')
  await expect(page.getByText(concern)).toBeVisible()
  await screenshot(page, 'dashboards-local-checkout')
  await page.getByRole('button', { name: 'Pay $9.99 — test mode' }).click()

  await expect(page).toHaveURL(/\/customer\?booked=[0-9a-f-]{36}$/)
  await expect(page.getByText("Payment received — we're finding you a mechanic")).toBeVisible()
  const active = page.getByTestId('active-session')
  await expect(active.getByRole('heading', { name: 'Finding a mechanic…' })).toBeVisible()
  await expect(active).toContainText('2015 Subaru Outback')
  // The waiting time ticks in the browser.
  const waiting = active.getByTestId('waiting-time')
  await expect(waiting).toHaveText(/^\d+:\d\d$/)
  const first = await waiting.textContent()
  await expect(waiting).not.toHaveText(String(first))
  await expect(page.getByRole('button', { name: 'Continue to payment' })).toHaveCount(0)
  await screenshot(page, 'dashboards-customer-pending')

  // The checkout cannot be paid twice; it now says so.
  await page.goto(checkoutUrl)
  await expect(page.getByText('This checkout has already been paid.')).toBeVisible()
  await expect(page.getByRole('button', { name: /^Pay / })).toHaveCount(0)
})

test('cancelling on the checkout charges nothing and leaves no active session', async ({
  page,
  baseURL,
}) => {
  await signUpCustomer(page.request, String(baseURL))
  await page.goto('/customer')
  await fillBooking(page, /^Video/, uniqueConcern())
  await page.getByRole('button', { name: 'Continue to payment' }).click()
  await expect(page.getByRole('button', { name: 'Pay $29.99 — test mode' })).toBeVisible()
  const checkoutUrl = page.url()
  const checkoutId = checkoutUrl.split('/').at(-1)

  await page.getByRole('button', { name: 'Cancel', exact: true }).click()
  await expect(page).toHaveURL(`/customer?cancelled=${checkoutId}`)
  await expect(page.getByText('Payment cancelled — you were not charged.')).toBeVisible()
  await expect(page.getByTestId('active-session')).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Continue to payment' })).toBeVisible()
  await expect(page.getByText('You have no sessions yet.')).toBeVisible()
  await screenshot(page, 'dashboards-customer-cancelled')

  await page.goto(checkoutUrl)
  await expect(
    page.getByText('This checkout was cancelled and can no longer be paid.'),
  ).toBeVisible()
  await expect(page.getByRole('button', { name: /^Pay / })).toHaveCount(0)
})

test('the booking form shows what to fix and keeps the description within 2,000 characters', async ({
  page,
  baseURL,
}) => {
  await signUpCustomer(page.request, String(baseURL))
  await page.goto('/customer')
  await page.getByRole('radio', { name: /^Chat/ }).check()
  await page.getByLabel('Year').fill('2015')
  await page.getByLabel('Make').fill('Subaru')
  await page.getByLabel('Model').fill('Outback')
  await page.getByRole('button', { name: 'Continue to payment' }).click()

  const concern = page.getByLabel('What is the problem?')
  await expect(page.getByText('Describe the problem')).toBeVisible()
  await expect(concern).toHaveAttribute('aria-invalid', 'true')
  await expect(concern).toBeFocused()
  await expect(page).toHaveURL('/customer')

  await page.getByLabel('Year').fill('1900')
  await concern.fill('x'.repeat(2_100))
  await expect(concern).toHaveValue('x'.repeat(2_000))
  await expect(page.getByTestId('concern-count')).toHaveText('2,000 / 2,000 — limit reached')
  await page.getByRole('button', { name: 'Continue to payment' }).click()
  await expect(page.getByText('Enter a year from 1950 on')).toBeVisible()
  await expect(page.getByText('Describe the problem')).toHaveCount(0)
  await screenshot(page, 'dashboards-booking-errors')
})

test('a customer cancels a waiting request and sees the refund', async ({ page, baseURL }) => {
  await signUpCustomer(page.request, String(baseURL))
  await payForRequest(page.request, String(baseURL), { plan: 'video', concern: uniqueConcern() })
  await page.goto('/customer')
  const active = page.getByTestId('active-session')
  await expect(active.getByRole('heading', { name: 'Finding a mechanic…' })).toBeVisible()

  await active.getByRole('button', { name: 'Cancel request' }).click()
  await expect(active.getByText('You will be refunded $29.99')).toBeVisible()
  await active.getByRole('button', { name: 'Yes, cancel request' }).click()

  await expect(page.getByTestId('active-session')).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Continue to payment' })).toBeVisible()
  const row = page.getByTestId('session-row')
  await expect(row).toHaveCount(1)
  await expect(row).toContainText('Cancelled')
  await expect(row).toContainText('refunded')
  // One message at the top says what happened to the money; the refund list keeps older ones.
  await expect(page.getByTestId('notices')).toHaveText(
    'Request cancelled — your $29.99 was refunded.',
  )
  await screenshot(page, 'dashboards-customer-history')
})

test("another customer's checkout page is not found", async ({ page, browser, baseURL }) => {
  const owner = await browser.newContext({ baseURL })
  try {
    await signUpCustomer(owner.request, String(baseURL))
    const response = await owner.request.post('/api/bookings', {
      headers: { origin: String(baseURL) },
      data: {
        plan: 'chat',
        vehicle: { year: 2020, make: 'Kia', model: 'Soul' },
        concern: uniqueConcern(),
      },
    })
    const { checkout } = (await response.json()) as { checkout: { url: string } }

    await signUpCustomer(page.request, String(baseURL))
    const visit = await page.goto(checkout.url)
    expect(visit?.status()).toBe(404)
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
    expect((await page.goto('/checkout/local/not-a-checkout'))?.status()).toBe(404)
  } finally {
    await owner.close()
  }
})
