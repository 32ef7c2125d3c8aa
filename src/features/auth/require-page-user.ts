import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import type { Role } from '@/db/schema'
import { dashboardPathFor, getSessionUser, type SessionUser } from './session-user'

/**
 * Every protected page calls this itself (never only a layout): signed out → sign-in with a return
 * path; signed in with another role → that user's own dashboard.
 */
export async function requirePageUser({
  role,
  path,
}: {
  role?: Role | readonly Role[]
  path: string
}): Promise<SessionUser> {
  const user = await getSessionUser(await headers())
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(path)}`)
  const allowed = role === undefined ? null : typeof role === 'string' ? [role] : role
  if (allowed && !allowed.includes(user.role)) redirect(dashboardPathFor(user.role))
  return user
}

export async function getPageUser(): Promise<SessionUser | null> {
  return getSessionUser(await headers())
}
