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

/** Creates the demo accounts that are missing and finishes any half-made one; safe on every start. */
export async function seedDemoUsers(): Promise<void> {
  const { auth, database } = getContext()
  const { db } = database
  const findId = async (email: string) =>
    (await db.select({ id: users.id }).from(users).where(eq(users.email, email)))[0]?.id
  for (const demo of demoUsers) {
    let userId = await findId(demo.email)
    if (!userId) {
      try {
        const { user } = await auth.api.signUpEmail({
          body: { name: demo.name, email: demo.email, password: demo.password },
        })
        userId = user.id
      } catch (error) {
        // Another instance starting at the same moment may have created it first.
        userId = await findId(demo.email)
        if (!userId) throw error
      }
    }
    const id = userId
    await db.transaction(async (tx) => {
      await tx.update(users).set({ role: demo.role, emailVerified: true }).where(eq(users.id, id))
      if (demo.role === 'mechanic') {
        await tx
          .insert(mechanicProfiles)
          .values({
            userId: id,
            yearsExperience: 12,
            specialties: ['Engine', 'Diagnostics', 'Electrical'],
            approvedAt: new Date(),
          })
          .onConflictDoNothing()
      }
    })
  }
  logger().info(
    { accounts: demoUsers.map(({ role, email, password }) => ({ role, email, password })) },
    'demo accounts ready (sign in at /sign-in)',
  )
}
