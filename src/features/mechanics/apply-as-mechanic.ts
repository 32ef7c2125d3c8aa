import { eq } from 'drizzle-orm'
import { mechanicProfiles, users } from '@/db/schema'
import { clientIpFromHeaders } from '@/features/auth/client-ip'
import { logEvent } from '@/features/events/log-event'
import { hitRateLimit } from '@/features/limits/hit-rate-limit'
import { signUpLimit } from '@/features/limits/rate-limits'
import { AppError } from '@/lib/errors'
import { getContext } from '@/server/context'
import type { MechanicApplication } from './schemas'

/**
 * Creates the account through the auth library (it hashes the password and signs the applicant
 * in), then makes it a mechanic awaiting approval. Returns the auth library's response so its
 * session cookie reaches the browser.
 */
export async function applyAsMechanic(
  application: MechanicApplication,
  headers: Headers,
): Promise<{ userId: string; authResponse: Response }> {
  await hitRateLimit(signUpLimit(), clientIpFromHeaders(headers))
  const { auth, database } = getContext()
  const authResponse = await auth.api.signUpEmail({
    body: { name: application.name, email: application.email, password: application.password },
    headers,
    asResponse: true,
  })
  if (!authResponse.ok) {
    const failure = (await authResponse.json().catch(() => ({}))) as {
      code?: string
      message?: string
    }
    if (failure.code?.startsWith('USER_ALREADY_EXISTS')) {
      throw new AppError('conflict', 'An account with this email already exists')
    }
    throw new AppError('validation_failed', failure.message ?? 'Could not create the account')
  }
  const { user } = (await authResponse.clone().json()) as { user: { id: string } }
  try {
    await database.db.transaction(async (tx) => {
      await tx.update(users).set({ role: 'mechanic' }).where(eq(users.id, user.id))
      await tx.insert(mechanicProfiles).values({
        userId: user.id,
        yearsExperience: application.yearsExperience,
        specialties: application.specialties,
      })
      await logEvent(tx, { type: 'mechanic.applied', actorId: user.id, subjectId: user.id })
    })
  } catch (error) {
    // Never leave a half-made applicant behind: without a profile the account goes too.
    await database.db.delete(users).where(eq(users.id, user.id))
    throw error
  }
  return { userId: user.id, authResponse }
}
