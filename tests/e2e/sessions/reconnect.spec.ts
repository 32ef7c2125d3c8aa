import type { WebSocketRoute } from '@playwright/test'
import { customerAndMechanic } from '../support/people'
import { acceptThroughApi, bookAndPay } from '../support/requests'
import { screenshot } from '../support/screenshots'
import { expect, test } from './session-server'

test('a dropped connection pauses the clock, and the room catches up when it is back', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000)
  const base = String(baseURL)
  const { customer, mechanic } = await customerAndMechanic(browser, base)
  const sessionId = await bookAndPay(customer, base, 'chat')
  const roomPath = await acceptThroughApi(mechanic, base, sessionId)

  // The customer's socket runs through a switch the test can flip: drop it, keep it down, let it in.
  let blocked = false
  let current: { page: WebSocketRoute; server: WebSocketRoute } | null = null
  await customer.page.routeWebSocket(/\/socket\.io\//, (socket) => {
    if (blocked) {
      void socket.close()
      return
    }
    current = { page: socket, server: socket.connectToServer() }
  })
  const drop = async () => {
    blocked = true
    const open = current
    current = null
    await open?.server.close()
    await open?.page.close()
  }

  await customer.page.goto(roomPath)
  await mechanic.page.goto(roomPath)
  for (const page of [customer.page, mechanic.page]) {
    await expect(page.getByTestId('room-status')).toHaveText('Live')
  }

  await drop()
  const banner = customer.page.getByRole('alert').filter({ hasText: 'Connection lost' })
  await expect(banner).toHaveText('Connection lost — reconnecting…')
  await expect(mechanic.page.getByTestId('room-status')).toHaveText(
    `${customer.name} lost connection — clock paused`,
  )
  await expect(mechanic.page.getByText('Paused', { exact: true })).toBeVisible()
  const paused = await mechanic.page.getByRole('timer').textContent()
  await screenshot(customer.page, 'sessions-room-connection-lost')
  await screenshot(mechanic.page, 'sessions-room-other-side-paused')
  await mechanic.page.getByRole('textbox', { name: 'Message' }).fill('Are you still there?')
  await mechanic.page.keyboard.press('Enter')

  // Written while the socket is down: it waits, then says it was not sent.
  const composer = customer.page.getByRole('textbox', { name: 'Message' })
  await composer.fill('Back in a second')
  await composer.press('Enter')
  const unsent = customer.page.getByTestId('chat-message').filter({ hasText: 'Back in a second' })
  // The send gives up after its 10 s acknowledgement timeout; leave room on a busy machine.
  await expect(unsent).toContainText('Not sent —', { timeout: 20_000 })
  await screenshot(customer.page, 'sessions-room-not-sent')
  await expect(mechanic.page.getByRole('timer')).toHaveText(String(paused))

  blocked = false
  await expect(banner).toHaveCount(0, { timeout: 20_000 })
  // What was said meanwhile arrives; the clock runs again.
  await expect(
    customer.page.getByTestId('chat-message').filter({ hasText: 'Are you still there?' }),
  ).toBeVisible()
  for (const page of [customer.page, mechanic.page]) {
    await expect(page.getByTestId('room-status')).toHaveText('Live')
  }

  // Retrying sends it exactly once.
  await unsent.getByRole('button', { name: 'Retry' }).click()
  await expect(unsent).not.toContainText('Not sent')
  const delivered = mechanic.page
    .getByTestId('chat-message')
    .filter({ hasText: 'Back in a second' })
  await expect(delivered).toHaveCount(1)
  // Any second copy (the first attempt, or the retry twice) left the customer's socket before
  // this next message; once the next one is on the mechanic's screen, so is any copy.
  await composer.fill('Found the receipt')
  await composer.press('Enter')
  await expect(
    mechanic.page.getByTestId('chat-message').filter({ hasText: 'Found the receipt' }),
  ).toBeVisible()
  await expect(delivered).toHaveCount(1)

  await customer.context.close()
  await mechanic.context.close()
})
