import { screenshot } from '../support/screenshots'
import { acceptThroughApi, bookAndPay, customerAndMechanic } from './session-fixtures'
import { expect, test } from './session-server'

// Long enough to cross the 1-minute mark a few seconds after going live.
test.use({ sessionSeconds: 65 })

test('the room warns once when a minute is left', async ({ browser, baseURL }) => {
  const base = String(baseURL)
  const { customer, mechanic } = await customerAndMechanic(browser, base)
  const sessionId = await bookAndPay(customer, base, 'chat')
  const roomPath = await acceptThroughApi(mechanic, base, sessionId)

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
  // The server's own warning for the same minute (or a late copy of it) does not bring it back.
  await customer.page.waitForTimeout(3_000)
  await expect(warning).toHaveCount(0)

  await customer.context.close()
  await mechanic.context.close()
})
