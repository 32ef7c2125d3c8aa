import { expect, test } from '@playwright/test'
import { expectNoAxeViolations } from '../support/page-checks'
import { customerAndMechanic, signUpCustomer } from '../support/people'
import { acceptThroughApi, bookAndPay, payForRequest, uniqueConcern } from '../support/requests'
import { screenshot } from '../support/screenshots'

/** Both widths every changed page is looked at in. */
const widths = [1280, 375] as const

// Each test runs axe at two widths on several pages: slow on a busy machine.
test.describe.configure({ timeout: 180_000 })

test('the site has an icon, and every page links the terms, privacy and refund policies', async ({
  page,
}) => {
  const icon = await page.request.get('/favicon.ico')
  expect(icon.status()).toBe(200)
  expect(icon.headers()['content-type']).toMatch(/image\//)

  await page.goto('/')
  const footer = page.getByRole('contentinfo')
  for (const [link, heading, text] of [
    ['Terms', 'Terms of service', /paid by the session/i],
    ['Privacy', 'Privacy', /we keep/i],
    ['Refund policy', 'Refund policy', /refunded automatically/i],
  ] as const) {
    await page.goto('/')
    await footer.getByRole('link', { name: link, exact: true }).click()
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
    await expect(page.getByRole('main')).toContainText(text)
    for (const width of widths) {
      await page.setViewportSize({ width, height: 900 })
      await screenshot(page, `journey-${link.toLowerCase().replace(' ', '-')}-${width}`)
      await expectNoAxeViolations(page)
    }
    await page.setViewportSize({ width: 1280, height: 900 })
  }
})

test('sign-up and sign-in say what to fix beside each field, in plain words', async ({ page }) => {
  await page.goto('/sign-up')
  await page.getByLabel('Your name').fill('Plain Words')
  await page.getByLabel('Email').fill('not-an-email')
  await page.getByLabel('Password').fill('long-enough-password')
  await page.getByRole('button', { name: 'Create account' }).click()
  const email = page.getByLabel('Email')
  await expect(email).toHaveAttribute('aria-invalid', 'true')
  await expect(email).toHaveAccessibleDescription('Enter an email address like name@example.com.')
  await expect(email).toBeFocused()
  await expect(page.getByText(/\[body\./)).toHaveCount(0)
  await expect(page).toHaveURL('/sign-up')
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 })
    await screenshot(page, `journey-sign-up-errors-${width}`)
    await expectNoAxeViolations(page)
  }
  await page.setViewportSize({ width: 1280, height: 900 })

  await page.goto('/sign-in')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByLabel('Email')).toHaveAccessibleDescription('Enter your email address.')
  await expect(page.getByLabel('Password')).toHaveAccessibleDescription('Enter your password.')
  await expect(page.getByText('Invalid email', { exact: true })).toHaveCount(0)
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 })
    await screenshot(page, `journey-sign-in-errors-${width}`)
    await expectNoAxeViolations(page)
  }
})

test('the mechanic application says what to fix beside each field', async ({ page }) => {
  await page.goto('/mechanics/apply')
  await page.getByLabel('Full name').fill('Plain Words')
  await page.getByLabel('Email').fill('plain@')
  await page.getByLabel('Password').fill('short')
  await page.getByRole('button', { name: 'Apply as a mechanic' }).click()
  await expect(page.getByLabel('Email')).toHaveAccessibleDescription(
    'Enter an email address like name@example.com.',
  )
  await expect(page.getByLabel('Password')).toHaveAccessibleDescription(
    /Use a password of at least 8 characters\./,
  )
  await expect(page.getByLabel('Years of experience')).toHaveAccessibleDescription(
    'Enter your years of experience, from 0 to 70.',
  )
  await expectNoAxeViolations(page)
})

test('a waiting customer sees who could take the request, then who took it', async ({
  browser,
  baseURL,
}) => {
  const origin = String(baseURL)
  const { customer, mechanic } = await customerAndMechanic(browser, origin)
  // The mechanic has the site open and no session: at least one mechanic is free.
  await mechanic.page.goto('/mechanic')
  await expect(mechanic.page.getByRole('heading', { name: 'Request queue' })).toBeVisible()
  const sessionId = await bookAndPay(customer, origin)

  await customer.page.goto('/customer')
  const outlook = customer.page.getByTestId('wait-outlook')
  await expect(outlook.getByTestId('mechanics-available')).toHaveText(
    /^\d+ mechanics? (is|are) available now\.$/,
  )
  // Other specs share this server, so the typical wait is one of its two forms, never empty.
  await expect(outlook.getByTestId('typical-wait')).toHaveText(
    /^(There are too few recent requests yet to say how long a wait usually is\.|The last request was accepted in about .+\.|Lately, requests were accepted in about .+ \(the middle of the last \d+\)\.)$/,
  )
  for (const width of widths) {
    await customer.page.setViewportSize({ width, height: 900 })
    await screenshot(customer.page, `journey-wait-outlook-${width}`)
    await expectNoAxeViolations(customer.page)
  }

  await acceptThroughApi(mechanic, origin, sessionId)
  await expect(
    customer.page.getByRole('heading', { name: `${mechanic.name} is your mechanic` }),
  ).toBeVisible()
  await expect(customer.page.getByTestId('mechanic-intro')).toHaveText(
    '9 years of experience · Engine · No ratings yet',
  )
  await expect(outlook).toHaveCount(0)
  for (const width of widths) {
    await customer.page.setViewportSize({ width, height: 900 })
    await screenshot(customer.page, `journey-mechanic-intro-${width}`)
  }
  await customer.context.close()
  await mechanic.context.close()
})

test('after "Cancel request" the dashboard shows one current status: the refund', async ({
  page,
  baseURL,
}) => {
  await signUpCustomer(page.request, String(baseURL))
  const sessionId = await payForRequest(page.request, String(baseURL), {
    plan: 'chat',
    concern: uniqueConcern(),
  })
  // Where the checkout sends a customer back to.
  await page.goto(`/customer?booked=${sessionId}`)
  await expect(page.getByText("Payment received — we're finding you a mechanic.")).toBeVisible()
  const active = page.getByTestId('active-session')
  await active.getByRole('button', { name: 'Cancel request' }).click()
  await active.getByRole('button', { name: 'Yes, cancel request' }).click()

  await expect(page.getByTestId('active-session')).toHaveCount(0)
  await expect(page.getByTestId('notices')).toHaveText(
    'Request cancelled — your $9.99 was refunded.',
  )
  await expect(page.getByText("Payment received — we're finding you a mechanic.")).toHaveCount(0)
  await expect(page.getByTestId('refund-notices')).toHaveCount(0)
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 })
    await screenshot(page, `journey-cancelled-request-${width}`)
    await expectNoAxeViolations(page)
  }
})

test('the booking form keeps what was typed after a cancelled checkout', async ({
  page,
  baseURL,
}) => {
  await signUpCustomer(page.request, String(baseURL))
  await page.goto('/customer')
  const concern = uniqueConcern()
  await page.getByRole('radio', { name: /^Video/ }).check()
  await page.getByLabel('Year').fill('2011')
  await page.getByLabel('Make').fill('Honda')
  await page.getByLabel('Model').fill('Jazz')
  await page.getByLabel('What is the problem?').fill(concern)
  await page.getByRole('button', { name: 'Continue to payment' }).click()
  await expect(page).toHaveURL(/\/checkout\/local\//)
  await page.getByRole('button', { name: 'Cancel', exact: true }).click()
  await expect(page.getByText('Payment cancelled — you were not charged.')).toBeVisible()

  await expect(page.getByRole('radio', { name: /^Video/ })).toBeChecked()
  await expect(page.getByLabel('Year')).toHaveValue('2011')
  await expect(page.getByLabel('Make')).toHaveValue('Honda')
  await expect(page.getByLabel('Model')).toHaveValue('Jazz')
  await expect(page.getByLabel('What is the problem?')).toHaveValue(concern)
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 })
    await screenshot(page, `journey-draft-restored-${width}`)
    await expectNoAxeViolations(page)
  }
})

test('no debug-only element or placeholder text reaches a production page', async ({
  page,
  baseURL,
}) => {
  await signUpCustomer(page.request, String(baseURL))
  for (const path of [
    '/',
    '/sign-in',
    '/sign-up',
    '/mechanics/apply',
    '/terms',
    '/privacy',
    '/refunds',
    '/customer',
  ]) {
    await page.goto(path)
    await expect(page.locator('main')).toBeVisible()
    // What a person reads: rendered text, not the scripts' payloads.
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point
    const text = await page.evaluate(() => document.body.innerText)
    // Case matters: "AutoDoctor" contains "todo".
    expect(text, path).not.toMatch(
      /\?\?|\bTODO\b|\bFIXME\b|[Ll]orem ipsum|\bundefined\b|\bNaN\b|\[object Object\]/,
    )
    await expect(page.locator('[data-debug], nextjs-portal, #__next-build-watcher')).toHaveCount(0)
  }
})
