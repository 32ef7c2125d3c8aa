import { expect, test } from '@playwright/test'
import { demo, signInThroughApi } from '../support/accounts'
import { screenshot } from '../support/screenshots'

test('a customer opening the admin pages is sent to their own dashboard', async ({
  page,
  baseURL,
}) => {
  await signInThroughApi(page.request, String(baseURL), demo.customer)

  await page.goto('/admin')
  await expect(page).toHaveURL('/customer')
  await page.goto('/admin/mechanics')
  await expect(page).toHaveURL('/customer')
})

test('a signed-out visitor opening /admin signs in and is brought back to /admin', async ({
  page,
}) => {
  await page.goto('/admin')
  await expect(page).toHaveURL('/sign-in?next=%2Fadmin')
  await screenshot(page, 'sign-in-with-return-path')

  await page.getByLabel('Email').fill(demo.admin.email)
  await page.getByLabel('Password').fill(demo.admin.password)
  await page.getByRole('button', { name: 'Sign in' }).click()

  await expect(page).toHaveURL('/admin')
  await expect(page.getByRole('heading', { name: 'Admin overview' })).toBeVisible()
})

test('a return path to another site is ignored after sign-in', async ({ page }) => {
  await page.goto('/sign-in?next=%2F%2Fevil.example%2Fphish')
  await page.getByLabel('Email').fill(demo.mechanic.email)
  await page.getByLabel('Password').fill(demo.mechanic.password)
  await page.getByRole('button', { name: 'Sign in' }).click()

  await expect(page).toHaveURL('/mechanic')
})
