import { type APIRequestContext, expect, type Page } from '@playwright/test'
import type { Person } from './people'
import { shortId } from './people'
import { nextSocketConnection } from './socket-connection'

/** Paid requests and accepted sessions, made over the API or through the dashboards. */

export const vehicle = { year: 2014, make: 'Mazda', model: '3' }

type Plan = 'chat' | 'video' | 'diagnostic'

/** A concern nobody else's test shares, so the right request can be picked out of a queue. */
export function uniqueConcern(): string {
  return `Squeal from the front left wheel on cold mornings (${shortId()}).`
}

/**
 * Books and pays through the API as the signed-in customer of `api` (the local test-mode checkout
 * posts a signed webhook, as a real payment would). Returns the new session's id.
 */
export async function payForRequest(
  api: APIRequestContext,
  baseURL: string,
  { plan = 'chat', concern }: { plan?: Plan; concern: string },
): Promise<string> {
  const booked = await api.post('/api/bookings', {
    data: { plan, vehicle, concern },
    headers: { origin: baseURL },
  })
  expect(booked.status(), await booked.text()).toBe(201)
  const { checkout } = (await booked.json()) as { checkout: { checkoutId: string } }
  const paid = await api.post(`/api/checkout/local/${checkout.checkoutId}/pay`, {
    headers: { origin: baseURL },
  })
  expect(paid.status(), await paid.text()).toBe(200)
  const listed = await api.get('/api/sessions')
  const { sessions } = (await listed.json()) as { sessions: { id: string; status: string }[] }
  const session = sessions.find((candidate) => candidate.status === 'pending')
  if (!session) throw new Error('The paid booking did not create a pending session')
  return session.id
}

/** `payForRequest` for a person in their own browser, with a unique concern. */
export function bookAndPay(
  customer: Person,
  baseURL: string,
  plan: Plan = 'chat',
): Promise<string> {
  return payForRequest(customer.context.request, baseURL, { plan, concern: uniqueConcern() })
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
