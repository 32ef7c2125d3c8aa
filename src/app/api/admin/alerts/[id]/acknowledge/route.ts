import { z } from 'zod'
import { acknowledgeAlert } from '@/features/monitor/acknowledge-alert'
import { apiRoute } from '@/server/api-route'

const alertParams = z.object({ id: z.coerce.number().int().positive() })

export const POST = apiRoute(
  { access: 'admin', params: alertParams },
  async ({ params, user }) => ({
    alert: await acknowledgeAlert({ alertId: params.id, adminId: user.id }),
  }),
)
