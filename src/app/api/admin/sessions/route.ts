import { searchSessions } from '@/features/sessions/search-sessions'
import { searchParamsInput, sessionSearchSchema } from '@/features/sessions/session-search'
import { AppError } from '@/lib/errors'
import { apiRoute } from '@/server/api-route'

/** Support's session list: `?q=` (customer, mechanic, vehicle or id), `page`, `pageSize`, `status`. */
export const GET = apiRoute({ access: 'admin' }, async ({ req }) => {
  const parsed = sessionSearchSchema.safeParse(searchParamsInput(new URL(req.url).searchParams))
  if (!parsed.success) {
    const [issue] = parsed.error.issues
    throw new AppError('validation_failed', issue?.message ?? 'Invalid search')
  }
  return await searchSessions(parsed.data)
})
