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

/** The signed-in user and which sign-in (session cookie) it is, for sockets that outlive requests. */
export type SignIn = { user: SessionUser; signInId: string; expiresAt: Date }

export async function getSignIn(headers: Headers): Promise<SignIn | null> {
  const result = await getContext().auth.api.getSession({ headers })
  if (!result) return null
  const { user, session } = result
  return {
    user: { id: user.id, name: user.name, email: user.email, role: asRole(user.role) },
    signInId: session.id,
    expiresAt: new Date(session.expiresAt),
  }
}

export async function getSessionUser(headers: Headers): Promise<SessionUser | null> {
  return (await getSignIn(headers))?.user ?? null
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
