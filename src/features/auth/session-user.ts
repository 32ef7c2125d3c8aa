import { eq } from 'drizzle-orm'
import { mechanicProfiles, type Role, roles } from '@/db/schema'
import { getContext } from '@/server/context'

/** What the rest of the app knows about the person asking. */
export type SessionUser = {
  id: string
  name: string
  email: string
  role: Role
}

function asRole(value: unknown): Role {
  return roles.includes(value as Role) ? (value as Role) : 'customer'
}

export async function getSessionUser(headers: Headers): Promise<SessionUser | null> {
  const result = await getContext().auth.api.getSession({ headers })
  if (!result) return null
  const { user } = result
  return { id: user.id, name: user.name, email: user.email, role: asRole(user.role) }
}

export async function isApprovedMechanic(userId: string): Promise<boolean> {
  const [profile] = await getContext()
    .database.db.select({ approvedAt: mechanicProfiles.approvedAt })
    .from(mechanicProfiles)
    .where(eq(mechanicProfiles.userId, userId))
  return Boolean(profile?.approvedAt)
}

export function dashboardPathFor(role: Role): string {
  switch (role) {
    case 'customer':
      return '/customer'
    case 'mechanic':
      return '/mechanic'
    case 'admin':
      return '/admin'
  }
}
