import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { expect, type Page, request, test } from '@playwright/test'
import { simpleParser } from 'mailparser'
import { expectNoAxeViolations } from '../support/page-checks'
import { adminApi, signUpCustomer } from '../support/people'

// Without SMTP_URL the server writes each email as an .eml file under its data directory.
const mailDir = path.join(process.env.E2E_DATA_DIR ?? '', 'mail')
const shots = process.env.E2E_SHOTS_DIR

/** The text of the reset email sent to this address, once the worker has written it. */
async function resetEmailTextTo(email: string): Promise<string | undefined> {
  const files = await readdir(mailDir).catch(() => [] as string[])
  for (const file of files.filter((name) => name.startsWith('password-reset_'))) {
    const parsed = await simpleParser(await readFile(path.join(mailDir, file)))
    const to = Array.isArray(parsed.to) ? parsed.to : parsed.to ? [parsed.to] : []
    if (to.some((address) => address.text.includes(email))) return parsed.text ?? ''
  }
  return undefined
}

async function shoot(page: Page, name: string) {
  if (!shots) return
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 })
    await page.screenshot({ path: path.join(shots, `${name}-${width}.png`), fullPage: true })
  }
  await page.setViewportSize({ width: 1280, height: 720 })
}

test('a forgotten password is reset through the emailed link, which works once', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000)
  const api = await request.newContext({ baseURL })
  const customer = await signUpCustomer(api, baseURL ?? '')
  await api.dispose()

  await page.goto('/sign-in')
  await page.getByRole('link', { name: 'Forgot password?' }).click()
  await expect(page.getByRole('heading', { name: 'Forgot your password?' })).toBeVisible()
  await page.getByRole('button', { name: 'Send reset link' }).click()
  await expect(page.getByRole('main').getByRole('alert')).toHaveText(
    'Enter the email address you signed up with.',
  )
  await page.getByLabel('Email').fill('not-an-address')
  await page.getByRole('button', { name: 'Send reset link' }).click()
  await expect(page.getByRole('main').getByRole('alert')).toContainText(
    'Enter a valid email address',
  )
  await expectNoAxeViolations(page, { include: 'main' })
  await shoot(page, 'forgot-password')

  await page.getByLabel('Email').fill(customer.email)
  await page.getByRole('button', { name: 'Send reset link' }).click()
  await expect(page.getByRole('main').getByRole('status')).toContainText(
    `If an account uses ${customer.email}`,
  )

  // The outbox worker writes the email a moment later.
  let text: string | undefined
  await expect
    .poll(async () => (text = await resetEmailTextTo(customer.email)), { timeout: 60_000 })
    .toBeDefined()
  const link = text?.match(/Choose a new password: (\S+)/)?.[1] ?? ''
  expect(link).toContain('/api/auth/reset-password/')

  await page.goto(link)
  await expect(page).toHaveURL(/\/reset-password\?token=/)
  await page.getByLabel('New password', { exact: true }).fill('short')
  await page.getByLabel('Repeat the new password').fill('short')
  await page.getByRole('button', { name: 'Save new password' }).click()
  await expect(page.getByRole('main').getByRole('alert')).toHaveText(
    'Choose a password of at least 8 characters.',
  )
  await page.getByLabel('New password', { exact: true }).fill('fresh-brake-pads-9')
  await page.getByLabel('Repeat the new password').fill('fresh-brake-pads-8')
  await page.getByRole('button', { name: 'Save new password' }).click()
  await expect(page.getByRole('main').getByRole('alert')).toHaveText(
    'The two passwords do not match.',
  )
  await expectNoAxeViolations(page, { include: 'main' })
  await shoot(page, 'reset-password')

  await page.getByLabel('Repeat the new password').fill('fresh-brake-pads-9')
  await page.getByRole('button', { name: 'Save new password' }).click()
  await expect(page.getByRole('main').getByRole('status')).toContainText(
    'Your password was changed',
  )

  // The same link again lands on the "expired or used" message.
  await page.goto(link)
  await expect(page.getByRole('main').getByRole('alert')).toHaveText(
    'This reset link has expired or was already used.',
  )
  await expect(page.getByRole('link', { name: 'Ask for a new link' })).toBeVisible()

  await page.goto('/sign-in')
  await page.getByLabel('Email').fill(customer.email)
  await page.getByLabel('Password').fill('fresh-brake-pads-9')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).toHaveURL('/customer')
})

test('admins see the reset email on the Outgoing mail page, without its link', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000)
  const api = await request.newContext({ baseURL })
  const customer = await signUpCustomer(api, baseURL ?? '')
  const asked = await api.post('/api/auth/request-password-reset', {
    data: { email: customer.email, redirectTo: '/reset-password' },
    headers: { origin: baseURL ?? '' },
  })
  expect(asked.status()).toBe(200)
  await api.dispose()

  const admin = await adminApi(baseURL ?? '')
  await page.context().addCookies((await admin.storageState()).cookies)
  await admin.dispose()
  await page.goto('/admin')
  await page.getByRole('link', { name: 'Outgoing mail' }).click()
  await expect(page.getByRole('heading', { name: 'Outgoing mail' })).toBeVisible()
  const row = page.getByRole('listitem').filter({ hasText: `To ${customer.email}` })
  await expect(row).toContainText('Reset your AutoDoctor password')
  await expect(row).toContainText(/sent|queued|sending/)
  await expect(row.getByRole('link')).toHaveCount(0)
  await expectNoAxeViolations(page, { include: 'main' })
  await shoot(page, 'admin-mail')
})
