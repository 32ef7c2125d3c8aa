import { randomUUID } from 'node:crypto'
import {
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  expect,
  type Page,
  request,
} from '@playwright/test'
import { demo, signInThroughApi, uniqueEmail } from '../support/accounts'
import { nextSocketConnection } from '../support/socket-connection'

/** A signed-in person with their own browser (cookies), for tests with several people. */
export type Person = {
  id: string
  name: string
  email: string
  context: BrowserContext
  page: Page
}

const PASSWORD = 'spark-plug-gap-42'

function shortId(): string {
  return randomUUID().slice(0, 6)
}

/** A brand-new customer, signed up over the API in a browser of their own. */
export async function newCustomer(
  browser: Browser,
  baseURL: string,
  first = 'Casey',
): Promise<Person> {
  const context = await browser.newContext()
  const name = `${first} ${shortId()}`
  const email = uniqueEmail('customer')
  const response = await context.request.post('/api/auth/sign-up/email', {
    data: { name, email, password: PASSWORD },
    headers: { origin: baseURL },
  })
  expect(response.status(), await response.text()).toBe(200)
  const { user } = (await response.json()) as { user: { id: string } }
  return { id: user.id, name, email, context, page: await context.newPage() }
}

/**
 * A brand-new mechanic, applied and approved. Each mechanic can hold one active session, so tests
 * running in parallel each need their own.
 */
export async function newApprovedMechanic(
  browser: Browser,
  baseURL: string,
  admin: APIRequestContext,
  first = 'Morgan',
): Promise<Person> {
  const context = await browser.newContext()
  const name = `${first} ${shortId()}`
  const email = uniqueEmail('mechanic')
  const applied = await context.request.post('/api/mechanics/apply', {
    data: { name, email, password: PASSWORD, yearsExperience: 9, specialties: ['Engine'] },
    headers: { origin: baseURL },
  })
  expect(applied.status(), await applied.text()).toBe(201)
  const { mechanic } = (await applied.json()) as { mechanic: { id: string } }
  const approved = await admin.post(`/api/admin/mechanics/${mechanic.id}/approve`, {
    headers: { origin: baseURL },
  })
  expect(approved.status(), await approved.text()).toBe(200)
  return { id: mechanic.id, name, email, context, page: await context.newPage() }
}

/** A fresh customer and a fresh approved mechanic, each in a browser of their own. */
export async function customerAndMechanic(
  browser: Browser,
  baseURL: string,
): Promise<{ customer: Person; mechanic: Person }> {
  const admin = await adminApi(baseURL)
  try {
    const customer = await newCustomer(browser, baseURL)
    const mechanic = await newApprovedMechanic(browser, baseURL, admin)
    return { customer, mechanic }
  } finally {
    await admin.dispose()
  }
}

/** The demo admin's API session, for approvals; dispose it when done. */
export async function adminApi(baseURL: string): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL })
  await signInThroughApi(api, baseURL, demo.admin)
  return api
}

export const vehicle = { year: 2015, make: 'Honda', model: 'Civic' }

/**
 * Books and pays through the API (the local test-mode checkout posts a signed webhook, as a real
 * payment would). Returns the new session's id.
 */
export async function bookAndPay(
  customer: Person,
  baseURL: string,
  plan: 'chat' | 'video' | 'diagnostic' = 'chat',
): Promise<string> {
  const booked = await customer.context.request.post('/api/bookings', {
    data: { plan, vehicle, concern: uniqueConcern() },
    headers: { origin: baseURL },
  })
  expect(booked.status(), await booked.text()).toBe(201)
  const { checkout } = (await booked.json()) as { checkout: { checkoutId: string } }
  const paid = await customer.context.request.post(
    `/api/checkout/local/${checkout.checkoutId}/pay`,
    { headers: { origin: baseURL } },
  )
  expect(paid.status(), await paid.text()).toBe(200)
  const listed = await customer.context.request.get('/api/sessions')
  const { sessions } = (await listed.json()) as { sessions: { id: string; status: string }[] }
  const session = sessions.find((candidate) => candidate.status === 'pending')
  if (!session) throw new Error('The paid booking did not create a pending session')
  return session.id
}

/** A concern nobody else's test shares, so the right request can be picked out of a queue. */
export function uniqueConcern(): string {
  return `Grinding noise when braking (${shortId()}).\nWorse on cold mornings.`
}

/**
 * The customer books and pays on the dashboard's form and the test-mode checkout, and stays on
 * the dashboard with its socket connected, so it follows what happens next (an accept) live.
 */
export async function bookThroughUi(
  page: Page,
  { plan, concern }: { plan: 'Chat' | 'Video' | 'Diagnostic'; concern: string },
): Promise<void> {
  await page.goto('/customer')
  await page.getByRole('radio', { name: new RegExp(`^${plan}:`) }).check()
  await page.getByLabel('Year').fill(String(vehicle.year))
  await page.getByLabel('Make').fill(vehicle.make)
  await page.getByLabel('Model').fill(vehicle.model)
  await page.getByLabel('What is the problem?').fill(concern)
  await page.getByRole('button', { name: 'Continue to payment' }).click()
  await expect(page).toHaveURL(/\/checkout\/local\/[0-9a-f-]{36}$/)
  // The checkout page has no socket; the dashboard it returns to opens one.
  const connected = nextSocketConnection(page)
  await page.getByRole('button', { name: /^Pay \$[\d.]+ — test mode$/ }).click()
  await expect(page).toHaveURL(/\/customer\?booked=/)
  await connected
}

/**
 * The mechanic, already looking at their dashboard, sees the request arrive without reloading
 * and accepts it; the queue takes them into the room. Returns the room's path.
 */
export async function acceptFromQueue(page: Page, concern: string): Promise<string> {
  const firstLine = concern.split('\n')[0] ?? concern
  const request = page.getByTestId('queue-request').filter({ hasText: firstLine })
  await expect(request).toBeVisible()
  await request.getByRole('button', { name: /^Accept / }).click()
  await expect(page).toHaveURL(/\/(chat|video)\/[0-9a-f-]{36}$/)
  return new URL(page.url()).pathname
}

export async function acceptThroughApi(
  mechanic: Person,
  baseURL: string,
  sessionId: string,
): Promise<string> {
  const response = await mechanic.context.request.post(`/api/sessions/${sessionId}/accept`, {
    headers: { origin: baseURL },
  })
  expect(response.status(), await response.text()).toBe(200)
  const { session } = (await response.json()) as { session: { roomPath: string } }
  return session.roomPath
}

/** The server's view of the session, as its participants' API sees it. */
export async function sessionState(
  person: Person,
  sessionId: string,
): Promise<{
  status: string
  customer: { present: boolean }
  mechanic: { present: boolean } | null
}> {
  const response = await person.context.request.get(`/api/sessions/${sessionId}`)
  expect(response.status()).toBe(200)
  const { state } = (await response.json()) as {
    state: {
      status: string
      customer: { present: boolean }
      mechanic: { present: boolean } | null
    }
  }
  return state
}

export async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({
    document: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
  }))
  expect(widths.document).toBeLessThanOrEqual(widths.viewport)
}

/** Errors the page logs (hydration mismatches, failed requests, uncaught exceptions), for a final check. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('console', (message) => {
    // Chromium asks for /favicon.ico on its own; the app has none.
    if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) {
      errors.push(message.text())
    }
  })
  return errors
}
