import type { WebSocket } from '@playwright/test'
import { customerAndMechanic } from '../support/people'
import { acceptThroughApi, bookAndPay, sessionState } from '../support/requests'
import { expect, test } from './session-server'

test('going back and forth between the room and the dashboard keeps one socket and no stale room', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000)
  const base = String(baseURL)
  const { customer, mechanic } = await customerAndMechanic(browser, base)
  const sessionId = await bookAndPay(customer, base, 'chat')
  // The mechanic stays away, so the clock never starts and the room stays open throughout.
  const roomPath = await acceptThroughApi(mechanic, base, sessionId)
  expect((await sessionState(customer, sessionId)).customer.present).toBe(false)

  const page = customer.page
  const open = new Set<WebSocket>()
  let opened = 0
  page.on('websocket', (socket) => {
    opened++
    open.add(socket)
    socket.on('close', () => open.delete(socket))
  })

  await page.goto(roomPath)
  const status = page.getByTestId('room-status')
  await expect(status).toHaveText(`Waiting for ${mechanic.name} to join…`)
  for (let round = 0; round < 10; round++) {
    await page.getByRole('link', { name: 'Dashboard' }).click()
    await expect(page).toHaveURL('/customer')
    await expect(page.getByRole('link', { name: 'Join Session' })).toBeVisible()
    expect(open.size).toBeLessThanOrEqual(1)
    await page.getByRole('link', { name: 'Join Session' }).click()
    await expect(page).toHaveURL(roomPath)
    await expect(status).toHaveText(`Waiting for ${mechanic.name} to join…`)
    expect(open.size).toBeLessThanOrEqual(1)
  }
  // One socket served all twenty page changes.
  expect(opened).toBe(1)
  expect(open.size).toBe(1)

  // The server sees the customer in the room exactly while the room is on screen.
  expect((await sessionState(customer, sessionId)).customer.present).toBe(true)
  await page.getByRole('link', { name: 'Dashboard' }).click()
  await expect(page).toHaveURL('/customer')
  await expect
    .poll(async () => (await sessionState(customer, sessionId)).customer.present, {
      timeout: 10_000,
    })
    .toBe(false)
  expect(open.size).toBe(1)

  await customer.context.close()
  await mechanic.context.close()
})
