import { approveMechanic } from '@/features/mechanics/approve-mechanic'
import { apiRoute, idParams } from '@/server/api-route'

export const POST = apiRoute({ access: 'admin', params: idParams }, async ({ params, user }) => {
  const { approvedAt } = await approveMechanic({ mechanicId: params.id, adminId: user.id })
  return { mechanic: { id: params.id, approvedAt: approvedAt.toISOString() } }
})
