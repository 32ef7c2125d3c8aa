import { eq } from 'drizzle-orm'
import { mechanicProfiles, type Role, users } from '@/db/schema'
import { logger } from '@/lib/logger'
import { getContext } from '@/server/context'

/** Demo accounts for the embedded default; listed in the README. */
export const demoUsers = [
  {
    role: 'customer',
    name: 'Casey Customer',
    email: 'customer@demo.autodoctor.dev',
    password: 'demo-customer-1',
  },
  {
    role: 'mechanic',
    name: 'Morgan Mechanic',
    email: 'mechanic@demo.autodoctor.dev',
    password: 'demo-mechanic-1',
  },
  {
    role: 'admin',
    name: 'Avery Admin',
    email: 'admin@demo.autodoctor.dev',
    password: 'demo-admin-1',
  },
] as const satisfies readonly { role: Role; name: string; email: string; password: string }[]

/** Creates the demo accounts that are missing; safe to run on every start. */
export async function seedDemoUsers(): Promise<void> {
  const { auth, database } = getContext()
  const { db } = database
  for (const demo of demoUsers) {
    const [existing] = await db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, demo.email))
    if (existing) continue
    let userId: string
    try {
      const { user } = await auth.api.signUpEmail({
        body: { name: demo.name, email: demo.email, password: demo.password },
      })
      userId = user.id
    } catch (error) {
      // Another instance starting at the same moment may have created it first.
      const [created] = await db
        .select({ id: users.id })
        .from(users)
        .where(eq(users.email, demo.email))
      if (!created) throw error
      continue
    }
    await db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({ role: demo.role, emailVerified: true })
        .where(eq(users.id, userId))
      if (demo.role === 'mechanic') {
        await tx.insert(mechanicProfiles).values({
          userId,
          yearsExperience: 12,
          specialties: ['Engine', 'Diagnostics', 'Electrical'],
          approvedAt: new Date(),
        })
      }
    })
  }
  logger().info(
    { accounts: demoUsers.map(({ role, email, password }) => ({ role, email, password })) },
    'demo accounts ready (sign in at /sign-in)',
  )
}
