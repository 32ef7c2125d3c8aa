import { expect, test } from '@playwright/test'
import { demo } from '../support/accounts'
import { screenshot } from '../support/screenshots'

const landings = [
  { role: 'customer', path: '/customer', heading: `Hi, ${demo.customer.name}` },
  { role: 'mechanic', path: '/mechanic', heading: 'Mechanic dashboard' },
  { role: 'admin', path: '/admin', heading: 'Admin overview' },
] as const

for (const { role, path, heading } of landings) {
  test(`the demo ${role} signs in and lands on the ${role} dashboard`, async ({ page }) => {
    const account = demo[role]
    await page.goto('/sign-in')
    await page.getByLabel('Email').fill(account.email)
    await page.getByLabel('Password').fill(account.password)
    await page.getByRole('button', { name: 'Sign in' }).click()

    await expect(page).toHaveURL(path)
    await expect(page.getByRole('heading', { name: heading })).toBeVisible()
    await expect(page.getByTestId('signed-in-as')).toHaveText(`${account.name} · ${role}`)
    await screenshot(page, `${role}-dashboard-after-sign-in`)

    await page.getByRole('button', { name: 'Sign out' }).click()
    await expect(page).toHaveURL('/sign-in')
    await page.goto(path)
    await expect(page).toHaveURL(`/sign-in?next=${encodeURIComponent(path)}`)
  })
}

test('the demo mechanic sees the request queue', async ({ page }) => {
  await page.goto('/sign-in')
  await page.getByLabel('Email').fill(demo.mechanic.email)
  await page.getByLabel('Password').fill(demo.mechanic.password)
  await page.getByRole('button', { name: 'Sign in' }).click()

  await expect(page.getByRole('heading', { name: 'Request queue' })).toBeVisible()
})

test('a wrong password shows a message and keeps the visitor on the sign-in page', async ({
  page,
}) => {
  await page.goto('/sign-in')
  await screenshot(page, 'sign-in')
  await page.getByLabel('Email').fill(demo.customer.email)
  await page.getByLabel('Password').fill('not-the-demo-password')
  await page.getByRole('button', { name: 'Sign in' }).click()

  await expect(page.locator('form').getByRole('alert')).toHaveText(
    'That email and password do not match.',
  )
  await expect(page).toHaveURL('/sign-in')
  await screenshot(page, 'sign-in-wrong-password')
})
