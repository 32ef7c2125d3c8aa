import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { customerAndMechanic } from '../support/people'
import { acceptFromQueue, bookThroughUi, uniqueConcern } from '../support/requests'
import { screenshot } from '../support/screenshots'
import { expect, test } from './session-server'

// Three minutes: long enough for a test, short enough that the plan's 30 would be a lie.
test.use({ sessionSeconds: 180 })

async function looksRight(page: Page, name: string): Promise<void> {
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 })
    await screenshot(page, `${name}-${width}`)
    const results = await new AxeBuilder({ page }).analyze()
    expect(results.violations.map((violation) => violation.id)).toEqual([])
  }
  await page.setViewportSize({ width: 1280, height: 720 })
}

test('dashboards say who is in the room, with the length the clock will really run', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000)
  const { customer, mechanic } = await customerAndMechanic(browser, String(baseURL))
  await mechanic.page.goto('/mechanic')
  const concern = uniqueConcern()
  await bookThroughUi(customer.page, { plan: 'Chat', concern })
  await acceptFromQueue(mechanic.page, concern)

  const card = customer.page.getByTestId('active-session')
  await expect(card.getByTestId('room-presence')).toHaveText(`${mechanic.name} is in the room.`)
  await expect(card).toContainText('Chat · 3 min · $9.99')
  await expect(card).not.toContainText('30 min')
  await looksRight(customer.page, 'journey-customer-mechanic-in-room')

  // The mechanic steps out: the customer's card says so by itself.
  await mechanic.page.goto('/mechanic')
  await expect(card.getByTestId('room-presence')).toHaveText('Nobody is in the room yet.')
  const mechanicCard = mechanic.page.getByTestId('active-session')
  await expect(mechanicCard.getByTestId('room-presence')).toHaveText('Nobody is in the room yet.')
  await expect(mechanicCard).toContainText('3 min')
  await looksRight(mechanic.page, 'journey-mechanic-nobody-in-room')
})

test('links in chat open safely; Back after the end never shows a session to join', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000)
  const { customer, mechanic } = await customerAndMechanic(browser, String(baseURL))
  await mechanic.page.goto('/mechanic')
  const concern = uniqueConcern()
  await bookThroughUi(customer.page, { plan: 'Chat', concern })
  const roomPath = await acceptFromQueue(mechanic.page, concern)
  await customer.page.getByRole('link', { name: 'Join Session' }).click()
  await expect(customer.page).toHaveURL(roomPath)
  for (const page of [customer.page, mechanic.page]) {
    await expect(page.getByTestId('room-status')).toHaveText('Live')
  }
  await expect(customer.page.getByTestId('session-clock')).toHaveText(/^(3:00|2:5\d)$/)

  await customer.page
    .getByRole('textbox', { name: 'Message' })
    .fill('Manual: https://example.com/manual?page=2. Not this: javascript:alert(1)')
  await customer.page.getByRole('button', { name: 'Send' }).click()
  const message = mechanic.page.getByTestId('chat-message').last()
  const link = message.getByRole('link', { name: 'https://example.com/manual?page=2' })
  await expect(link).toHaveAttribute('href', 'https://example.com/manual?page=2')
  await expect(link).toHaveAttribute('target', '_blank')
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer nofollow')
  await expect(message.getByRole('link')).toHaveCount(1)
  await expect(message).toContainText('Not this: javascript:alert(1)')
  await looksRight(mechanic.page, 'journey-chat-link')

  await customer.page.getByRole('button', { name: 'End Session', exact: true }).click()
  await customer.page
    .getByRole('dialog', { name: 'End this session?' })
    .getByRole('button', { name: 'End Session', exact: true })
    .click()
  await expect(customer.page).toHaveURL(/\/customer\?ended=/)
  await expect(mechanic.page).toHaveURL(/\/mechanic\?ended=/)

  for (const [page, dashboard] of [
    [customer.page, '/customer'],
    [mechanic.page, '/mechanic'],
  ] as const) {
    await page.goBack()
    await expect(page).toHaveURL(new RegExp(`^[^?]*${dashboard}(\\?(?!ended)|$)`))
    await expect(page.getByTestId('active-session')).toHaveCount(0)
    await expect(page.getByRole('link', { name: 'Join Session' })).toHaveCount(0)
  }
})
