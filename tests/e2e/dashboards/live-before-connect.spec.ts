import { expect, test } from '@playwright/test'
import { demo, signInThroughApi } from '../support/accounts'
import { holdSocket } from '../support/hold-socket'
import { adminApi, customerAndMechanic, newCustomer } from '../support/people'
import { acceptThroughApi, bookAndPay } from '../support/requests'

/*
 * A live page is rendered on the server and only then connects its socket. Each test changes
 * something in that window (the socket held back, as a slow network does) and expects the page
 * to show it once the socket connects, without a reload.
 */

test('the customer dashboard shows an accept that happened before its socket connected', async ({
  browser,
  baseURL,
}) => {
  const origin = baseURL ?? ''
  const { customer, mechanic } = await customerAndMechanic(browser, origin)
  const sessionId = await bookAndPay(customer, origin)

  const socket = await holdSocket(customer.page)
  await customer.page.goto('/customer')
  await expect(customer.page.getByRole('heading', { name: 'Finding a mechanic…' })).toBeVisible()
  await acceptThroughApi(mechanic, origin, sessionId)
  socket.release()

  await expect(
    customer.page.getByRole('heading', { name: `${mechanic.name} is your mechanic` }),
  ).toBeVisible()
  await expect(customer.page.getByRole('link', { name: 'Join Session' })).toBeVisible()
})

test("a request paid before the mechanic's socket connected shows in the queue", async ({
  browser,
  baseURL,
}) => {
  const origin = baseURL ?? ''
  const { customer, mechanic } = await customerAndMechanic(browser, origin)

  const socket = await holdSocket(mechanic.page)
  await mechanic.page.goto('/mechanic')
  await expect(mechanic.page.getByRole('heading', { name: 'Request queue' })).toBeVisible()
  const sessionId = await bookAndPay(customer, origin)
  socket.release()

  await expect(
    mechanic.page.locator(`[data-testid="queue-request"][data-session-id="${sessionId}"]`),
  ).toBeVisible()
  await expect(mechanic.page.getByText('Live', { exact: true })).toBeVisible()
})

test('the admin list shows a request paid before its socket connected', async ({
  browser,
  baseURL,
}) => {
  const origin = baseURL ?? ''
  const customer = await newCustomer(browser, origin, 'Robin')
  const admin = await browser.newContext()
  try {
    await signInThroughApi(admin.request, origin, demo.admin)
    const page = await admin.newPage()
    const socket = await holdSocket(page)
    await page.goto('/admin?status=pending')
    await expect(page.getByRole('heading', { name: 'Admin overview' })).toBeVisible()
    await bookAndPay(customer, origin)
    socket.release()

    await expect(page.getByTestId('session-row').filter({ hasText: customer.name })).toBeVisible()
  } finally {
    await admin.close()
  }
})

test('the session page shows an accept that happened before its socket connected', async ({
  browser,
  baseURL,
}) => {
  const origin = baseURL ?? ''
  const { customer, mechanic } = await customerAndMechanic(browser, origin)
  const sessionId = await bookAndPay(customer, origin)

  const socket = await holdSocket(customer.page)
  await customer.page.goto(`/sessions/${sessionId}`)
  await expect(customer.page.getByText('Finding a mechanic', { exact: true })).toBeVisible()
  await acceptThroughApi(mechanic, origin, sessionId)
  socket.release()

  await expect(customer.page.getByText('Mechanic assigned', { exact: true })).toBeVisible()
  await expect(customer.page.getByRole('link', { name: 'Join Session' })).toBeVisible()
})

test('a room whose session ended before its socket connected leaves for the dashboard', async ({
  browser,
  baseURL,
}) => {
  const origin = baseURL ?? ''
  const { customer, mechanic } = await customerAndMechanic(browser, origin)
  const sessionId = await bookAndPay(customer, origin)
  const roomPath = await acceptThroughApi(mechanic, origin, sessionId)

  const socket = await holdSocket(customer.page)
  await customer.page.goto(roomPath)
  await expect(
    customer.page.getByRole('button', { name: 'End Session', exact: true }),
  ).toBeVisible()
  const admin = await adminApi(origin)
  try {
    const ended = await admin.post(`/api/sessions/${sessionId}/end`, { headers: { origin } })
    expect(ended.status(), await ended.text()).toBe(200)
  } finally {
    await admin.dispose()
  }
  socket.release()

  await expect(customer.page).toHaveURL(new RegExp(`/customer\\?ended=${sessionId}$`))
})
