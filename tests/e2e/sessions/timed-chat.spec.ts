import type { Page } from '@playwright/test'
import { collectPageErrors, expectNoHorizontalOverflow } from '../support/page-checks'
import { customerAndMechanic } from '../support/people'
import { acceptFromQueue, bookThroughUi, uniqueConcern } from '../support/requests'
import { screenshot } from '../support/screenshots'
import { expect, test } from './session-server'

async function send(page: Page, text: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Message' }).fill(text)
  await page.keyboard.press('Enter')
}

test('a paid chat runs until its time is up and sends both people to their dashboards', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000)
  const base = String(baseURL)
  const { customer, mechanic } = await customerAndMechanic(browser, base)
  const errors = [...collectPageErrors(customer.page), ...collectPageErrors(mechanic.page)]
  await customer.page.setViewportSize({ width: 375, height: 740 })
  await mechanic.page.setViewportSize({ width: 1280, height: 800 })

  await mechanic.page.goto('/mechanic')
  await expect(mechanic.page.getByRole('heading', { name: 'Request queue' })).toBeVisible()
  // The queue's own sign that its socket is connected: the request can arrive live.
  await expect(mechanic.page.getByText('Live', { exact: true })).toBeVisible()
  const concern = uniqueConcern()
  await bookThroughUi(customer.page, { plan: 'Chat', concern })

  const roomPath = await acceptFromQueue(mechanic.page, concern)
  const sessionId = roomPath.split('/').at(-1)
  expect(roomPath).toMatch(/^\/chat\//)
  const mechanicRoom = mechanic.page
  await expect(mechanicRoom.getByTestId('room-status')).toHaveText(
    `Waiting for ${customer.name} to join…`,
  )

  // The customer's dashboard learns of the acceptance by itself.
  await customer.page.getByRole('link', { name: 'Join Session' }).click()
  await expect(customer.page).toHaveURL(roomPath)
  const customerRoom = customer.page
  for (const page of [customerRoom, mechanicRoom]) {
    await expect(page.getByTestId('room-status')).toHaveText('Live')
  }
  await expect(customerRoom.getByRole('timer')).toHaveText(/^0:[0-2]\d$/)

  await send(customerRoom, 'Hi! It grinds when I brake.\nMostly in the morning.')
  await expect(
    mechanicRoom.getByTestId('chat-message').filter({ hasText: 'It grinds when I brake.' }),
  ).toContainText(customer.name)
  const typing = customerRoom.getByText(`${mechanic.name} is typing…`)
  await mechanicRoom.getByRole('textbox', { name: 'Message' }).fill('Thanks. How old')
  await expect(typing).toBeVisible()
  await send(mechanicRoom, 'Thanks. How old are the pads?')
  await expect(typing).toHaveCount(0)
  const reply = customerRoom
    .getByTestId('chat-message')
    .filter({ hasText: 'How old are the pads?' })
  await expect(reply).toContainText(mechanic.name)
  await expect(reply).toHaveAttribute('data-own', 'false')
  await expect(
    customerRoom.getByTestId('chat-message').filter({ hasText: 'It grinds' }),
  ).toHaveAttribute('data-own', 'true')
  // Line breaks survive as text.
  await expect(
    mechanicRoom.getByTestId('chat-message').filter({ hasText: 'It grinds' }).locator('p').last(),
  ).toHaveText('Hi! It grinds when I brake.\nMostly in the morning.', { useInnerText: true })
  await expectNoHorizontalOverflow(customerRoom)
  await screenshot(customerRoom, 'sessions-chat-room-375')
  await screenshot(mechanicRoom, 'sessions-chat-room-desktop')

  // The server's clock runs out (20 s here); both are sent away without touching anything.
  await expect(customerRoom).toHaveURL(`/customer?ended=${sessionId}`, { timeout: 30_000 })
  // The mechanic goes on to write the summary of the session that went live.
  await expect(mechanicRoom).toHaveURL(`/sessions/${sessionId}/summary`, { timeout: 30_000 })
  await expect(customerRoom.getByText('Your session has ended')).toBeVisible()
  await expect(mechanicRoom.getByRole('heading', { name: 'Session summary' })).toBeVisible()

  // Back never shows the room again.
  for (const page of [customerRoom, mechanicRoom]) {
    await page.goBack()
    await expect(page).not.toHaveURL(/\/chat\//)
    await expect(page).toHaveURL(/\/(customer|mechanic)(\?.*)?$|\/sessions\//)
    await page.goto(roomPath)
    await expect(page).toHaveURL(`/sessions/${sessionId}`)
  }

  const summary = customer.page
  await expect(summary.getByTestId('fact-status')).toContainText('Completed')
  await expect(summary.getByTestId('fact-status')).toContainText('The paid time ran out')
  await expect(summary.getByTestId('chat-message')).toHaveCount(2)
  await expect(summary.getByRole('link', { name: 'Join Session' })).toHaveCount(0)
  await expectNoHorizontalOverflow(summary)
  await screenshot(summary, 'sessions-summary-customer-375')
  await summary.setViewportSize({ width: 1280, height: 800 })
  await screenshot(summary, 'sessions-summary-customer')

  expect(errors).toEqual([])
  await customer.context.close()
  await mechanic.context.close()
})
