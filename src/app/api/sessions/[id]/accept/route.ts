import { plans } from '@/features/catalogue/catalogue'
import { acceptRequest } from '@/features/sessions/accept-request'
import { roomPathFor } from '@/features/sessions/room-path'
import { apiRoute, idParams } from '@/server/api-route'

export const POST = apiRoute({ access: 'mechanic', params: idParams }, async ({ user, params }) => {
  const session = await acceptRequest({ sessionId: params.id, mechanicId: user.id })
  return {
    session: {
      id: session.id,
      status: session.status,
      roomPath: roomPathFor(session.id, plans[session.plan].type),
    },
  }
})
