import { expect, test } from '@playwright/test'
import { demo, signInThroughApi, uniqueEmail } from '../support/accounts'
import { screenshot } from '../support/screenshots'

test('a mechanic applies, an admin approves, and the mechanic gets the queue', async ({
  page,
  browser,
  baseURL,
}) => {
  // Two people and an approval pushed between them: slow on a busy machine.
  test.setTimeout(120_000)
  const email = uniqueEmail('mechanic')
  const name = `Pat Piston ${email.slice(9, 15)}`

  await page.goto('/mechanics/apply')
  await page.getByLabel('Full name').fill(name)
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill('timing-belt-99')
  await page.getByLabel('Years of experience').fill('11')
  await page.getByLabel('Brakes').check()
  await page.getByLabel('Hybrid and EV').check()
  await screenshot(page, 'mechanic-application')
  await page.getByRole('button', { name: 'Apply as a mechanic' }).click()

  await expect(page).toHaveURL('/mechanic')
  await expect(page.getByText('Your application is awaiting approval.')).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Request queue' })).toHaveCount(0)
  await screenshot(page, 'mechanic-awaiting-approval')

  const adminContext = await browser.newContext()
  try {
    const adminPage = await adminContext.newPage()
    await signInThroughApi(adminContext.request, String(baseURL), demo.admin)
    await adminPage.goto('/admin/mechanics')
    const row = adminPage.getByTestId('mechanic-row').filter({ hasText: email })
    await expect(row).toContainText('11 years · Brakes, Hybrid and EV')
    await screenshot(adminPage, 'admin-mechanics-before-approval')
    await row.getByRole('button', { name: `Approve ${name}` }).click()
    await expect(row.getByText('Approved', { exact: true })).toBeVisible()
    await screenshot(adminPage, 'admin-mechanics-after-approval')
  } finally {
    await adminContext.close()
  }

  // The waiting page follows the approval by itself, and the queue is live at once.
  await expect(page.getByRole('heading', { name: 'Request queue' })).toBeVisible()
  await expect(page.getByText('Your application is awaiting approval.')).toHaveCount(0)
  await screenshot(page, 'mechanic-approved-dashboard')
})

test('applying with an email that already has an account shows why', async ({ page }) => {
  await page.goto('/mechanics/apply')
  await page.getByLabel('Full name').fill('Duplicate Applicant')
  await page.getByLabel('Email').fill(demo.customer.email)
  await page.getByLabel('Password').fill('timing-belt-99')
  await page.getByLabel('Years of experience').fill('4')
  await page.getByLabel('Engine').check()
  await page.getByRole('button', { name: 'Apply as a mechanic' }).click()

  await expect(page.locator('form').getByRole('alert')).toHaveText(
    'An account with this email already exists',
  )
  await expect(page).toHaveURL('/mechanics/apply')
})
