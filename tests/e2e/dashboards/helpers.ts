import { randomUUID } from 'node:crypto'
import { type APIRequestContext, type Browser, expect, type Page } from '@playwright/test'
import { demo, signInThroughApi, uniqueEmail } from '../support/accounts'

/** Helpers for the dashboard specs: fresh accounts and paid requests made over the API. */

export type Person = { name: string; email: string }

const short = () => randomUUID().slice(0, 8)

async function postJson(
  request: APIRequestContext,
  baseURL: string,
  path: string,
  data?: unknown,
): Promise<unknown> {
  const response = await request.post(path, { data: data ?? {}, headers: { origin: baseURL } })
  expect(response.ok(), `${path}: ${response.status()} ${await response.text()}`).toBe(true)
  return response.json()
}

/** Signs a new customer up; the session cookie lands in the given context's browser. */
export async function signUpCustomer(request: APIRequestContext, baseURL: string): Promise<Person> {
  const person = { name: `Cam Coupe ${short()}`, email: uniqueEmail('customer') }
  await postJson(request, baseURL, '/api/auth/sign-up/email', {
    ...person,
    password: 'rattle-at-idle-1',
  })
  return person
}

/** A new mechanic, applied and approved, signed in on the given context. */
export async function signUpApprovedMechanic(
  request: APIRequestContext,
  browser: Browser,
  baseURL: string,
): Promise<Person> {
  const person = { name: `Max Wrench ${short()}`, email: uniqueEmail('mechanic') }
  const applied = (await postJson(request, baseURL, '/api/mechanics/apply', {
    ...person,
    password: 'torque-spec-42',
    yearsExperience: 9,
    specialties: ['Engine', 'Brakes'],
  })) as { mechanic: { id: string } }
  const admin = await browser.newContext({ baseURL })
  try {
    await signInThroughApi(admin.request, baseURL, demo.admin)
    await postJson(admin.request, baseURL, `/api/admin/mechanics/${applied.mechanic.id}/approve`)
  } finally {
    await admin.close()
  }
  return person
}

/** Books and pays through the API as the signed-in customer; returns the new session's id. */
export async function payForRequest(
  request: APIRequestContext,
  baseURL: string,
  { plan = 'chat', concern }: { plan?: 'chat' | 'video' | 'diagnostic'; concern: string },
): Promise<string> {
  const booked = (await postJson(request, baseURL, '/api/bookings', {
    plan,
    vehicle: { year: 2014, make: 'Mazda', model: '3' },
    concern,
  })) as { checkout: { checkoutId: string } }
  await postJson(request, baseURL, `/api/checkout/local/${booked.checkout.checkoutId}/pay`)
  const listed = await request.get('/api/sessions')
  const { sessions } = (await listed.json()) as { sessions: { id: string; status: string }[] }
  const pending = sessions.find((session) => session.status === 'pending')
  if (!pending) throw new Error('The paid booking did not create a pending session')
  return pending.id
}

export function uniqueConcern(): string {
  return `Squeal from the front left wheel on cold mornings (${short()}).`
}

export async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({
    document: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
  }))
  expect(widths.document).toBeLessThanOrEqual(widths.viewport)
}
