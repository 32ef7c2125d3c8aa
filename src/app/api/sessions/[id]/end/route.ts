import { endSession } from '@/features/sessions/end-session'
import { getSessionAccessOrThrow } from '@/features/sessions/get-session-access'
import { activeStatuses } from '@/features/sessions/statuses'
import { apiRoute, idParams } from '@/server/api-route'

export const POST = apiRoute(
  { access: 'signed-in', params: idParams },
  async ({ user, params }) => {
    const { role } = await getSessionAccessOrThrow(params.id, user)
    const session = await endSession({
      sessionId: params.id,
      actorId: user.id,
      reason:
        role === 'admin'
          ? 'ended_by_admin'
          : role === 'customer'
            ? 'ended_by_customer'
            : 'ended_by_mechanic',
      expectedFrom: activeStatuses,
    })
    return {
      session: {
        id: session.id,
        status: session.status,
        endedAt: session.endedAt?.toISOString() ?? null,
      },
    }
  },
)
