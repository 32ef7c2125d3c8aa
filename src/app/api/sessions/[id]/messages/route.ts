import { z } from 'zod'
import { listMessages } from '@/features/chat/list-messages'
import { getSessionAccessOrThrow } from '@/features/sessions/get-session-access'
import { apiRoute, idParams } from '@/server/api-route'

const afterSchema = z.coerce.number().int().min(0).catch(0)

export const GET = apiRoute(
  { access: 'signed-in', params: idParams },
  async ({ user, params, req }) => {
    await getSessionAccessOrThrow(params.id, user)
    const after = afterSchema.parse(new URL(req.url).searchParams.get('after') ?? 0)
    return { messages: await listMessages(params.id, after) }
  },
)
