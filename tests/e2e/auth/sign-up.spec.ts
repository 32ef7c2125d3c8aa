import { expect, test } from '@playwright/test'
import { uniqueEmail } from '../support/accounts'
import { screenshot } from '../support/screenshots'

test('a new customer signs up and lands on their dashboard', async ({ page }) => {
  await page.goto('/')
  await screenshot(page, 'landing')
  await page.getByRole('link', { name: 'Get help now' }).click()
  await expect(page).toHaveURL('/sign-up')
  await expect(page.getByRole('heading', { name: 'Create your account' })).toBeVisible()

  await page.getByLabel('Your name').fill('Jordan Hatchback')
  await page.getByLabel('Email').fill(uniqueEmail('customer'))
  await page.getByLabel('Password').fill('my-car-rattles')
  await screenshot(page, 'sign-up')
  await page.getByRole('button', { name: 'Create account' }).click()

  await expect(page).toHaveURL('/customer')
  await expect(page.getByRole('heading', { name: 'Hi, Jordan Hatchback' })).toBeVisible()
  await expect(page.getByText('You have no sessions yet.')).toBeVisible()
  await screenshot(page, 'customer-dashboard')
})

test('signing up with a password that is too short explains why', async ({ page }) => {
  await page.goto('/sign-up')
  await page.getByLabel('Your name').fill('Short Password')
  await page.getByLabel('Email').fill(uniqueEmail('customer'))
  await page.getByLabel('Password').fill('short')
  await page.getByRole('button', { name: 'Create account' }).click()

  // Said beside the field, after its hint.
  const password = page.getByLabel('Password')
  await expect(password).toHaveAccessibleDescription(
    'At least 8 characters. Use a password of at least 8 characters.',
  )
  await expect(password).toHaveAttribute('aria-invalid', 'true')
  await expect(page).toHaveURL('/sign-up')
})
