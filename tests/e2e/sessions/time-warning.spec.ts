import { customerAndMechanic } from '../support/people'
import { acceptThroughApi, bookAndPay } from '../support/requests'
import { screenshot } from '../support/screenshots'
import { countSocketEvents } from '../support/socket-connection'
import { expect, test } from './session-server'

// Long enough to cross the 1-minute mark a few seconds after going live.
test.use({ sessionSeconds: 65 })

test('the room warns once when a minute is left', async ({ browser, baseURL }) => {
  const base = String(baseURL)
  const { customer, mechanic } = await customerAndMechanic(browser, base)
  const sessionId = await bookAndPay(customer, base, 'chat')
  const roomPath = await acceptThroughApi(mechanic, base, sessionId)

  const customerEvents = countSocketEvents(customer.page)
  await mechanic.page.goto(roomPath)
  await customer.page.goto(roomPath)
  await expect(customer.page.getByTestId('room-status')).toHaveText('Live')
  const warning = customer.page.getByTestId('time-warning')
  await expect(warning).toHaveCount(0)
  await expect(warning).toHaveText(/^1 minute left/, { timeout: 15_000 })
  await expect(mechanic.page.getByTestId('time-warning')).toHaveText(/^1 minute left/)
  await expect(customer.page.getByRole('timer')).toHaveText(/^[01]:\d\d$/)
  await screenshot(customer.page, 'sessions-room-one-minute-warning')

  await warning.getByRole('button', { name: 'Dismiss time warning' }).click()
  await expect(warning).toHaveCount(0)
  // The server's own warning for the same minute does not bring it back. The room may have shown
  // the warning from its clock before the server's event came; wait until the event is in, then
  // for a message sent after it, so the page has handled the event before the check.
  await expect.poll(() => customerEvents('session:warning')).toBeGreaterThan(0)
  await mechanic.page.getByRole('textbox', { name: 'Message' }).fill('Let us wrap up.')
  await mechanic.page.keyboard.press('Enter')
  await expect(
    customer.page.getByTestId('chat-message').filter({ hasText: 'Let us wrap up.' }),
  ).toBeVisible()
  await expect(warning).toHaveCount(0)

  await customer.context.close()
  await mechanic.context.close()
})
