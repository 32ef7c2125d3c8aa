import { z } from 'zod'
import { listSessions } from '@/features/sessions/list-sessions'
import { sessionStatuses } from '@/features/sessions/statuses'
import { AppError } from '@/lib/errors'
import { apiRoute } from '@/server/api-route'

const statusFilter = z.array(z.enum(sessionStatuses))

export const GET = apiRoute({ access: 'admin' }, async ({ req }) => {
  const parsed = statusFilter.safeParse(new URL(req.url).searchParams.getAll('status'))
  if (!parsed.success)
    throw new AppError('validation_failed', `status must be one of ${sessionStatuses.join(', ')}`)
  return { sessions: await listSessions({ statuses: parsed.data, limit: 500 }) }
})
