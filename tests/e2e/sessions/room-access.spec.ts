import { adminApi, newApprovedMechanic, newCustomer } from '../support/people'
import { acceptThroughApi, bookAndPay } from '../support/requests'
import { expect, test } from './session-server'

test('only the two participants (and support) can open a room; everyone else gets a 404', async ({
  browser,
  baseURL,
}) => {
  const base = String(baseURL)
  const admin = await adminApi(base)
  const customer = await newCustomer(browser, base)
  const mechanic = await newApprovedMechanic(browser, base, admin)
  const stranger = await newCustomer(browser, base, 'Sam')
  await admin.dispose()
  const sessionId = await bookAndPay(customer, base, 'chat')

  // Not accepted yet: there is no room, so the customer goes back to the dashboard.
  await customer.page.goto(`/chat/${sessionId}`)
  await expect(customer.page).toHaveURL('/customer')

  const roomPath = await acceptThroughApi(mechanic, base, sessionId)
  expect(roomPath).toBe(`/chat/${sessionId}`)

  for (const path of [roomPath, `/video/${sessionId}`, `/sessions/${sessionId}`]) {
    const response = await stranger.page.goto(path)
    expect(response?.status(), path).toBe(404)
    await expect(stranger.page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
    await expect(stranger.page.getByRole('textbox', { name: 'Message' })).toHaveCount(0)
  }
  const api = await stranger.context.request.get(`/api/sessions/${sessionId}/messages`)
  expect(api.status()).toBe(404)

  // Signed out: sign in first, then straight back to the room.
  const signedOut = await browser.newContext()
  const anonymous = await signedOut.newPage()
  await anonymous.goto(`${roomPath}?from=email`)
  await expect(anonymous).toHaveURL(`/sign-in?next=${encodeURIComponent(`${roomPath}?from=email`)}`)
  await signedOut.close()

  // The wrong kind of room forwards to the right one and keeps the query string.
  await customer.page.goto(`/video/${sessionId}?from=email`)
  await expect(customer.page).toHaveURL(`${roomPath}?from=email`)
  await expect(customer.page.getByTestId('room-status')).toHaveText(
    `Waiting for ${mechanic.name} to join…`,
  )

  // The composer: Shift+Enter is a new line, a counter appears near the 4,000-character limit.
  const composer = customer.page.getByRole('textbox', { name: 'Message' })
  await composer.fill('First line')
  await composer.press('Shift+Enter')
  await composer.pressSequentially('second line')
  await expect(composer).toHaveValue('First line\nsecond line')
  await expect(customer.page.getByText('/ 4,000')).toHaveCount(0)
  await composer.fill('x'.repeat(3_600))
  await expect(customer.page.getByText('3,600 / 4,000')).toBeVisible()
  await composer.fill('')

  for (const person of [customer, mechanic, stranger]) await person.context.close()
})
