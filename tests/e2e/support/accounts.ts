import { randomUUID } from 'node:crypto'
import { type APIRequestContext, expect } from '@playwright/test'
import type { Role } from '@/db/schema'
import { demoUsers } from '@/features/auth/seed-demo-users'

export type Credentials = { email: string; password: string }

function demoAccount(role: Role) {
  const account = demoUsers.find((user) => user.role === role)
  if (!account) throw new Error(`No demo ${role} is seeded`)
  return account
}

/** The accounts every server seeds on start; see seed-demo-users.ts. */
export const demo = {
  customer: demoAccount('customer'),
  mechanic: demoAccount('mechanic'),
  admin: demoAccount('admin'),
}

export function uniqueEmail(label = 'user'): string {
  return `${label}-${randomUUID()}@e2e.autodoctor.dev`
}

/**
 * Signs in over the API, the way a test should when the UI is not what it is testing. Pass a
 * browser context's `request` so the session cookie lands in that browser.
 */
export async function signInThroughApi(
  request: APIRequestContext,
  baseURL: string,
  credentials: Credentials,
): Promise<void> {
  const response = await request.post('/api/auth/sign-in/email', {
    data: { email: credentials.email, password: credentials.password },
    headers: { origin: baseURL },
  })
  expect(response.status(), await response.text()).toBe(200)
}
