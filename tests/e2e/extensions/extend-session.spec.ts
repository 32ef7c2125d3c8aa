import { type APIRequestContext, type Browser, expect, type Page, test } from '@playwright/test'
import { signWebhookPayload } from '@/features/payments/verify-webhook'
import { expectNoAxeViolations } from '../support/page-checks'
import { adminApi, newApprovedMechanic, newCustomer, type Person } from '../support/people'
import { acceptThroughApi, bookAndPay } from '../support/requests'
import { screenshot } from '../support/screenshots'

/** Seconds shown on the room's clock ("44:58" → 2698). */
async function clockSeconds(page: Page): Promise<number> {
  const text = (await page.getByTestId('session-clock').textContent()) ?? ''
  const parts = text.trim().split(':').map(Number)
  if (parts.some(Number.isNaN) || parts.length < 2) throw new Error(`unreadable clock "${text}"`)
  return parts.reduce((total, part) => total * 60 + part, 0)
}

type LiveRoom = {
  admin: APIRequestContext
  customer: Person
  mechanic: Person
  sessionId: string
  roomPath: string
}

/** A fresh customer and mechanic, both in the live room of a paid and accepted session. */
async function liveRoom(
  browser: Browser,
  baseURL: string | undefined,
  plan: 'chat' | 'video',
): Promise<LiveRoom> {
  if (!baseURL) throw new Error('baseURL is not set')
  const admin = await adminApi(baseURL)
  const customer = await newCustomer(browser, baseURL)
  const mechanic = await newApprovedMechanic(browser, baseURL, admin)
  const sessionId = await bookAndPay(customer, baseURL, plan)
  const roomPath = await acceptThroughApi(mechanic, baseURL, sessionId)
  await customer.page.goto(roomPath)
  await mechanic.page.goto(roomPath)
  for (const page of [customer.page, mechanic.page]) {
    await expect(page.getByTestId('room-status')).toHaveText(/Live/)
  }
  return { admin, customer, mechanic, sessionId, roomPath }
}

async function leave({ admin, customer, mechanic }: LiveRoom): Promise<void> {
  await customer.context.close()
  await mechanic.context.close()
  await admin.dispose()
}

// Three people and two checkouts per test, and axe at phone width: slow on a machine running
// two suites.
test.describe.configure({ timeout: 300_000 })

test('the customer buys 15 more minutes and both clocks jump at once; a redelivered event changes nothing', async ({
  browser,
  baseURL,
}) => {
  const room = await liveRoom(browser, baseURL, 'chat')
  const { admin, customer, mechanic, sessionId, roomPath } = room
  try {
    const before = await clockSeconds(mechanic.page)
    expect(before).toBeGreaterThan(29 * 60)

    // A full page load would wipe this; paying inside the room keeps it.
    await customer.page.evaluate(() => {
      ;(window as { stayedInRoom?: boolean }).stayedInRoom = true
    })
    await customer.page.getByRole('button', { name: 'Extend Session', exact: true }).click()
    await customer.page.getByRole('radio', { name: /\+15 min/ }).check()
    await screenshot(customer.page, 'extension-dialog')
    const opened = customer.page.waitForResponse(
      (response) =>
        response.url().endsWith(`/api/sessions/${sessionId}/extensions`) &&
        response.request().method() === 'POST',
    )
    await customer.page.getByRole('button', { name: 'Pay $14.99' }).click()
    const { checkout } = (await (await opened).json()) as { checkout: { checkoutId: string } }
    const checkoutId = checkout.checkoutId
    const checkoutDialog = customer.page.getByRole('dialog', { name: 'Pay for +15 min' })
    await expect(checkoutDialog).toContainText('You stay in the room')
    await screenshot(customer.page, 'extension-checkout-in-room')
    // The mechanic is told while the customer pays; the customer is still in the room.
    await expect(mechanic.page.getByText('Customer is extending the session…')).toBeVisible()

    await checkoutDialog.getByRole('button', { name: 'Pay $14.99 — test mode' }).click()
    // Neither page was reloaded: the clocks move on the broadcast alone. The banner shows for a few
    // seconds from the broadcast, so both sides are watched for it at once, before anything else.
    await Promise.all(
      [mechanic.page, customer.page].map((page) =>
        expect(page.getByTestId('extended-banner')).toHaveText(/15 minutes added/),
      ),
    )
    await expect(checkoutDialog).toBeHidden()
    await expect(mechanic.page.getByText('Customer is extending the session…')).toBeHidden()
    await screenshot(mechanic.page, 'extension-added-mechanic')
    await expect(customer.page).toHaveURL(new RegExp(`${roomPath}$`))
    expect(
      await customer.page.evaluate(() => (window as { stayedInRoom?: boolean }).stayedInRoom),
    ).toBe(true)
    await expect(customer.page.getByTestId('room-status')).toHaveText(/Live/)
    // The customer never left, so the mechanic was never told they had.
    await expect(mechanic.page.getByText(/lost connection/i)).toHaveCount(0)
    await screenshot(customer.page, 'extension-added-customer')
    const elapsed = async () => before - (await clockSeconds(mechanic.page))
    const mechanicAfter = await clockSeconds(mechanic.page)
    const customerAfter = await clockSeconds(customer.page)
    const customerReadAt = Date.now()
    for (const after of [mechanicAfter, customerAfter]) {
      expect(after).toBeGreaterThan(before + 14 * 60)
      expect(after).toBeLessThanOrEqual(before + 15 * 60)
    }
    expect(Math.abs(mechanicAfter - customerAfter)).toBeLessThanOrEqual(2)
    expect(await elapsed()).toBeLessThan(0)

    // Stripe redelivers an event with the same id; the local checkout's event id is per checkout.
    const event = {
      id: `evt_local_${checkoutId.replaceAll('-', '')}`,
      object: 'event',
      type: 'checkout.session.completed',
      created: Math.floor(Date.now() / 1000),
      livemode: false,
      data: {
        object: {
          id: `cs_local_${checkoutId.replaceAll('-', '')}`,
          object: 'checkout.session',
          mode: 'payment',
          status: 'complete',
          payment_status: 'paid',
          amount_total: 1499,
          currency: 'usd',
          client_reference_id: checkoutId,
          metadata: {
            kind: 'extension',
            checkoutId,
            customerId: customer.id,
            sessionId,
            option: '15',
          },
          payment_intent: `pi_local_${checkoutId.replaceAll('-', '')}`,
        },
      },
    }
    const payload = JSON.stringify(event)
    const redelivered = await admin.post('/api/webhooks/stripe', {
      data: payload,
      headers: {
        'content-type': 'application/json',
        'stripe-signature': signWebhookPayload(payload, process.env.E2E_LOCAL_WEBHOOK_SECRET ?? ''),
      },
    })
    expect(redelivered.status()).toBe(200)
    expect(await redelivered.json()).toMatchObject({ received: true, ignored: 'already processed' })

    // Anything the redelivery made the server send the room went out before this message, on the
    // same socket: once the message is on the customer's screen, so is any second jump.
    await mechanic.page.getByRole('textbox', { name: 'Message' }).fill('Clock looks right to me.')
    await mechanic.page.keyboard.press('Enter')
    await expect(
      customer.page.getByTestId('chat-message').filter({ hasText: 'Clock looks right to me.' }),
    ).toBeVisible()
    const settled = await clockSeconds(customer.page)
    // It ran down by the time that passed, and did not jump: not by a second 15 minutes.
    const secondsSince = Math.ceil((Date.now() - customerReadAt) / 1000)
    expect(settled).toBeLessThanOrEqual(customerAfter)
    expect(settled).toBeGreaterThanOrEqual(customerAfter - secondsSince - 2)
    const state = await customer.context.request.get(`/api/sessions/${sessionId}`)
    const { state: snapshot } = (await state.json()) as { state: { durationSeconds: number } }
    expect(snapshot.durationSeconds).toBe(45 * 60)

    // The session's page lists what was bought.
    await customer.page.goto(`/sessions/${sessionId}`)
    await expect(customer.page.getByTestId('extension-list')).toContainText('+15 min')
    await expect(customer.page.getByTestId('extension-list')).toContainText('$14.99')
  } finally {
    await leave(room)
  }
})

test('a cancelled or abandoned extension checkout leaves the running room as it was', async ({
  browser,
  baseURL,
}) => {
  const room = await liveRoom(browser, baseURL, 'video')
  const { customer, mechanic, sessionId, roomPath } = room
  try {
    await customer.page.getByRole('button', { name: 'Extend Session', exact: true }).click()
    await customer.page.getByRole('radio', { name: /\+60 min/ }).check()
    await customer.page.getByRole('button', { name: 'Pay $39.99' }).click()
    const checkoutDialog = customer.page.getByRole('dialog', { name: 'Pay for +60 min' })
    await expect(checkoutDialog).toBeVisible()
    await expect(mechanic.page.getByText('Customer is extending the session…')).toBeVisible()
    // On a phone too, the checkout is readable and usable inside the room.
    await customer.page.setViewportSize({ width: 375, height: 740 })
    await expect(
      checkoutDialog.getByRole('button', { name: 'Pay $39.99 — test mode' }),
    ).toBeInViewport()
    await expectNoAxeViolations(customer.page)
    await screenshot(customer.page, 'extension-checkout-in-room-375')
    await checkoutDialog.getByRole('button', { name: 'Cancel', exact: true }).click()

    const dialog = customer.page.getByRole('dialog', { name: 'Extend Session' })
    await expect(dialog.getByText('Extension cancelled — you were not charged.')).toBeVisible()
    await expect(mechanic.page.getByText('Customer is extending the session…')).toBeHidden()

    // Opened again and closed with Escape: abandoned, so the mechanic stops waiting for it.
    await dialog.getByRole('button', { name: 'Pay $39.99' }).click()
    await expect(checkoutDialog).toBeVisible()
    await expect(mechanic.page.getByText('Customer is extending the session…')).toBeVisible()
    await customer.page.keyboard.press('Escape')
    await expect(checkoutDialog).toBeHidden()
    await expect(mechanic.page.getByText('Customer is extending the session…')).toBeHidden()

    await expect(customer.page).toHaveURL(new RegExp(`${roomPath}$`))
    await expect(customer.page.getByTestId('room-status')).toHaveText(/Live/)
    const state = await customer.context.request.get(`/api/sessions/${sessionId}`)
    const { state: snapshot } = (await state.json()) as { state: { durationSeconds: number } }
    expect(snapshot.durationSeconds).toBe(45 * 60)
  } finally {
    await leave(room)
  }
})
