import { listSessions } from '@/features/sessions/list-sessions'
import { apiRoute } from '@/server/api-route'

export const GET = apiRoute({ access: ['customer', 'mechanic'] }, async ({ user }) => ({
  sessions: await listSessions({ userId: user.id }),
}))
