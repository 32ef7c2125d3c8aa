import { listSessionEvents } from '@/features/sessions/list-session-events'
import { apiRoute, idParams } from '@/server/api-route'

export const GET = apiRoute({ access: 'admin', params: idParams }, async ({ params }) => ({
  events: await listSessionEvents(params.id),
}))
