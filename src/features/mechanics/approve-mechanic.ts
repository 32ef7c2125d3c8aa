import { and, eq, isNull } from 'drizzle-orm'
import { mechanicProfiles, users } from '@/db/schema'
import { logEvent } from '@/features/events/log-event'
import { mechanicApprovedEmail } from '@/features/mail/email-templates'
import { enqueueEmail } from '@/features/mail/send-email-job'
import { AppError } from '@/lib/errors'
import { getContext } from '@/server/context'

export async function approveMechanic({
  mechanicId,
  adminId,
}: {
  mechanicId: string
  adminId: string
}): Promise<{ approvedAt: Date }> {
  return getContext().database.db.transaction(async (tx) => {
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
}
