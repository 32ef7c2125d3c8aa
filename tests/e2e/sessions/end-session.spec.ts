import { demo, signInThroughApi } from '../support/accounts'
import { customerAndMechanic } from '../support/people'
import { acceptFromQueue, bookThroughUi, uniqueConcern } from '../support/requests'
import { screenshot } from '../support/screenshots'
import { expect, test } from './session-server'

// Long enough that the device check and the chat fit before ending early on a busy machine.
test.use({ sessionSeconds: 120 })

test('either participant ends a video session early; both leave the room for good', async ({
  browser,
  baseURL,
}) => {
  // Two browsers in a video call; a machine running two suites slows it several times over.
  test.setTimeout(300_000)
  const base = String(baseURL)
  const { customer, mechanic } = await customerAndMechanic(browser, base)

  await mechanic.page.goto('/mechanic')
  await expect(mechanic.page.getByText('Live', { exact: true })).toBeVisible()
  const concern = uniqueConcern()
  await bookThroughUi(customer.page, { plan: 'Video', concern })
  const roomPath = await acceptFromQueue(mechanic.page, concern)
  const sessionId = roomPath.split('/').at(-1)
  expect(roomPath).toMatch(/^\/video\//)

  // Support can watch without being counted, and cannot write.
  const supportContext = await browser.newContext()
  await signInThroughApi(supportContext.request, base, demo.admin)
  const support = await supportContext.newPage()
  await support.goto(roomPath)
  await expect(support.getByText('Watching as admin', { exact: true })).toBeVisible()
  await expect(support.getByRole('textbox', { name: 'Message' })).toHaveCount(0)

  // Before the clock starts: the dialog offers a way out, and keeping the session changes nothing.
  await mechanic.page.getByRole('button', { name: 'End Session', exact: true }).click()
  const dialog = mechanic.page.getByRole('dialog', { name: 'End this session?' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Keep talking' })).toBeFocused()
  await mechanic.page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await mechanic.page.getByRole('button', { name: 'End Session', exact: true }).click()
  await dialog.getByRole('button', { name: 'Keep talking' }).click()
  await expect(dialog).toBeHidden()
  await expect(mechanic.page.getByTestId('room-status')).toHaveText(
    `Waiting for ${customer.name} to join…`,
  )

  await customer.page.getByRole('link', { name: 'Join Session' }).click()
  await expect(customer.page).toHaveURL(roomPath)
  for (const page of [customer.page, mechanic.page, support]) {
    await expect(page.getByTestId('room-status')).toHaveText('Live')
  }
  // The video area opens on the device check before the call.
  await expect(
    customer.page.getByRole('region', { name: 'Check your camera and microphone' }),
  ).toBeVisible()
  await customer.page.getByRole('textbox', { name: 'Message' }).fill('Can you see the rotor?')
  await customer.page.getByRole('button', { name: 'Send' }).click()
  await expect(support.getByTestId('chat-message')).toContainText('Can you see the rotor?')
  await screenshot(mechanic.page, 'sessions-video-room-desktop')
  await screenshot(support, 'sessions-video-room-admin')

  await customer.page.getByRole('button', { name: 'End Session', exact: true }).click()
  await screenshot(customer.page, 'sessions-end-dialog')
  await customer.page
    .getByRole('dialog', { name: 'End this session?' })
    .getByRole('button', { name: 'End Session', exact: true })
    .click()

  await expect(customer.page).toHaveURL(`/customer?ended=${sessionId}`)
  await expect(mechanic.page).toHaveURL(`/mechanic?ended=${sessionId}`)
  await expect(support).toHaveURL(`/sessions/${sessionId}`)
  for (const page of [customer.page, mechanic.page]) {
    await page.goBack()
    await expect(page).not.toHaveURL(/\/video\//)
  }

  // Support's page has the whole story.
  await expect(support.getByTestId('fact-status')).toContainText('Ended by the customer')
  await expect(support.getByTestId('chat-message')).toHaveCount(1)
  await expect(support.getByTestId('session-event').first()).toBeVisible()
  await expect(support.getByRole('button', { name: 'End Session', exact: true })).toHaveCount(0)
  await screenshot(support, 'sessions-summary-admin')

  await supportContext.close()
  await customer.context.close()
  await mechanic.context.close()
})
