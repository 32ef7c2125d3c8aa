import { expect, test } from '@playwright/test'

// Paths that cannot be percent-decoded ('%' alone, or bytes that are not UTF-8).
const apiPaths = ['/api/sessions/%', '/api/sessions/%ff', '/api/nope/%', '/api/sessions/%E0%A4%A']
const pagePaths = ['/sessions/%', '/chat/%ff', '/%']

for (const path of apiPaths) {
  test(`${path} is a 400 in the API's error shape`, async ({ request }) => {
    const response = await request.get(path)

    expect(response.status()).toBe(400)
    expect(await response.json()).toEqual({
      error: { code: 'bad_request', message: expect.any(String) },
    })
    expect(response.headers()['x-request-id']).toBeTruthy()
  })
}

for (const path of pagePaths) {
  test(`${path} shows a "bad address" page with a 400`, async ({ page }) => {
    const response = await page.goto(path)

    expect(response?.status()).toBe(400)
    await expect(page.getByRole('heading', { name: 'This address is not valid' })).toBeVisible()
    await expect(page.getByRole('link', { name: 'Back to your dashboard' })).toBeVisible()
  })
}
