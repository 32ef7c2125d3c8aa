import { eq } from 'drizzle-orm'
import { mechanicProfiles } from '@/db/schema'
import { getMechanicRating } from '@/features/summaries/rate-session'
import { countOf } from '@/lib/durations'
import { getContext } from '@/server/context'

/** What a customer is told about the mechanic who took their request, in one line. */
export async function getMechanicIntro(mechanicId: string): Promise<string | null> {
  const [[profile], rating] = await Promise.all([
    getContext()
      .database.db.select({
        yearsExperience: mechanicProfiles.yearsExperience,
        specialties: mechanicProfiles.specialties,
      })
      .from(mechanicProfiles)
      .where(eq(mechanicProfiles.userId, mechanicId)),
    getMechanicRating(mechanicId),
  ])
  if (!profile) return null
  return [
    `${countOf(profile.yearsExperience, 'year')} of experience`,
    profile.specialties.length > 0 ? profile.specialties.join(', ') : null,
    rating.average === null
      ? 'No ratings yet'
      : `Rated ${rating.average.toFixed(1)} of 5 (${countOf(rating.count, 'rating')})`,
  ]
    .filter((part) => part !== null)
    .join(' · ')
}
