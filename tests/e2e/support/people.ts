import { randomUUID } from 'node:crypto'
import {
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  expect,
  type Page,
  request,
} from '@playwright/test'
import { demo, signInThroughApi, uniqueEmail } from './accounts'

/** Fresh accounts for tests that run in parallel: every person is new and unique. */

/** An account made over the API; its session cookie lives in the request context it was made on. */
export type Account = { id: string; name: string; email: string }

/** A signed-in person with their own browser (cookies), for tests with several people. */
export type Person = Account & { context: BrowserContext; page: Page }

const PASSWORD = 'spark-plug-gap-42'

export function shortId(): string {
  return randomUUID().slice(0, 6)
}

/** Signs a new customer up; the session cookie lands in the given request context. */
export async function signUpCustomer(
  api: APIRequestContext,
  baseURL: string,
  first = 'Casey',
): Promise<Account> {
  const name = `${first} ${shortId()}`
  const email = uniqueEmail('customer')
  const response = await api.post('/api/auth/sign-up/email', {
    data: { name, email, password: PASSWORD },
    headers: { origin: baseURL },
  })
  expect(response.status(), await response.text()).toBe(200)
  const { user } = (await response.json()) as { user: { id: string } }
  return { id: user.id, name, email }
}

/**
 * A new mechanic, applied and approved, signed in on the given request context. Each mechanic can
 * hold one active session, so tests running in parallel each need their own. Approves with the
 * given admin session, or signs the demo admin in for the approval when there is none.
 */
export async function signUpApprovedMechanic(
  api: APIRequestContext,
  baseURL: string,
  admin?: APIRequestContext,
  first = 'Morgan',
): Promise<Account> {
  const name = `${first} ${shortId()}`
  const email = uniqueEmail('mechanic')
  const applied = await api.post('/api/mechanics/apply', {
    data: { name, email, password: PASSWORD, yearsExperience: 9, specialties: ['Engine'] },
    headers: { origin: baseURL },
  })
  expect(applied.status(), await applied.text()).toBe(201)
  const { mechanic } = (await applied.json()) as { mechanic: { id: string } }
  const approver = admin ?? (await adminApi(baseURL))
  try {
    const approved = await approver.post(`/api/admin/mechanics/${mechanic.id}/approve`, {
      headers: { origin: baseURL },
    })
    expect(approved.status(), await approved.text()).toBe(200)
  } finally {
    if (!admin) await approver.dispose()
  }
  return { id: mechanic.id, name, email }
}

/** A brand-new customer, signed up over the API in a browser of their own. */
export async function newCustomer(
  browser: Browser,
  baseURL: string,
  first = 'Casey',
): Promise<Person> {
  const context = await browser.newContext()
  const account = await signUpCustomer(context.request, baseURL, first)
  return { ...account, context, page: await context.newPage() }
}

/** A brand-new approved mechanic in a browser of their own. */
export async function newApprovedMechanic(
  browser: Browser,
  baseURL: string,
  admin: APIRequestContext,
  first = 'Morgan',
): Promise<Person> {
  const context = await browser.newContext()
  const account = await signUpApprovedMechanic(context.request, baseURL, admin, first)
  return { ...account, context, page: await context.newPage() }
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
