import { desc, eq } from 'drizzle-orm'
import { mechanicProfiles, users } from '@/db/schema'
import { getContext } from '@/server/context'

export type MechanicListItem = {
  id: string
  name: string
  email: string
  yearsExperience: number
  specialties: string[]
  appliedAt: string
  approvedAt: string | null
}

/** Every mechanic, pending applications first, for the admin page. */
export async function listMechanics(): Promise<MechanicListItem[]> {
  const rows = await getContext()
    .database.db.select({
      id: users.id,
      name: users.name,
      email: users.email,
      yearsExperience: mechanicProfiles.yearsExperience,
      specialties: mechanicProfiles.specialties,
      appliedAt: mechanicProfiles.createdAt,
      approvedAt: mechanicProfiles.approvedAt,
    })
    .from(mechanicProfiles)
    .innerJoin(users, eq(users.id, mechanicProfiles.userId))
    .orderBy(desc(mechanicProfiles.createdAt))
  return rows
    .map((row) => ({
      ...row,
      appliedAt: row.appliedAt.toISOString(),
      approvedAt: row.approvedAt?.toISOString() ?? null,
    }))
    .sort((a, b) => Number(a.approvedAt !== null) - Number(b.approvedAt !== null))
}
