import { buildSessionState } from '@/features/sessions/build-session-state'
import { getSessionAccessOrThrow } from '@/features/sessions/get-session-access'
import { apiRoute, idParams } from '@/server/api-route'

export const GET = apiRoute({ access: 'signed-in', params: idParams }, async ({ user, params }) => {
  const { role } = await getSessionAccessOrThrow(params.id, user)
  return { role, state: await buildSessionState(params.id) }
})
