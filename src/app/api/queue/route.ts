import { isApprovedMechanic } from '@/features/auth/session-user'
import { listQueue } from '@/features/sessions/list-queue'
import { AppError } from '@/lib/errors'
import { apiRoute } from '@/server/api-route'

export const GET = apiRoute({ access: 'mechanic' }, async ({ user }) => {
  if (!(await isApprovedMechanic(user.id))) {
    throw new AppError('forbidden', 'Your mechanic account is awaiting approval')
  }
  return { requests: await listQueue() }
})
