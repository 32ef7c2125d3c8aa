import { and, eq, isNull } from 'drizzle-orm'
import { mechanicProfiles, users } from '@/db/schema'
import { logEvent } from '@/features/events/log-event'
import { mechanicApprovedEmail } from '@/features/mail/email-templates'
import { enqueueEmail } from '@/features/mail/send-email-job'
import { publish } from '@/features/realtime/publish'
import { AppError } from '@/lib/errors'
import { getContext } from '@/server/context'

/**
 * Approves an application once. The applicant's open pages hear of it (`account:updated`) after
 * the commit, so the "awaiting approval" page turns into the queue by itself.
 */
export async function approveMechanic({
  mechanicId,
  adminId,
}: {
  mechanicId: string
  adminId: string
}): Promise<{ approvedAt: Date }> {
  const result = await getContext().database.db.transaction(async (tx) => {
    const [approved] = await tx
      .update(mechanicProfiles)
      .set({ approvedAt: new Date(), approvedBy: adminId })
      .where(and(eq(mechanicProfiles.userId, mechanicId), isNull(mechanicProfiles.approvedAt)))
      .returning({ approvedAt: mechanicProfiles.approvedAt })
    if (approved?.approvedAt) {
      await logEvent(tx, { type: 'mechanic.approved', actorId: adminId, subjectId: mechanicId })
      const [mechanic] = await tx
        .select({ name: users.name })
        .from(users)
        .where(eq(users.id, mechanicId))
      await enqueueEmail(tx, {
        key: `mechanic-approved:${mechanicId}`,
        userId: mechanicId,
        ...mechanicApprovedEmail({
          name: mechanic?.name ?? '',
          queueUrl: new URL('/mechanic', getContext().env.appUrl).toString(),
        }),
      })
      return { approvedAt: approved.approvedAt }
    }
    const [existing] = await tx
      .select({ approvedAt: mechanicProfiles.approvedAt })
      .from(mechanicProfiles)
      .where(eq(mechanicProfiles.userId, mechanicId))
    if (!existing) throw new AppError('not_found', 'No mechanic application with this id')
    throw new AppError('conflict', 'This mechanic is already approved', {
      approvedAt: existing.approvedAt,
    })
  })
  publish({ users: [mechanicId] }, 'account:updated', { reason: 'mechanic_approved' })
  return result
}
