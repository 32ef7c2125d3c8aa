import { listSessionFiles } from '@/features/files/list-session-files'
import { storeSessionFile, uploadInputOf } from '@/features/files/store-session-file'
import { apiRoute, idParams } from '@/server/api-route'

export const GET = apiRoute(
  { access: 'signed-in', params: idParams },
  async ({ user, params }) => ({
    files: await listSessionFiles(user, params.id),
  }),
)

export const POST = apiRoute(
  { access: 'signed-in', params: idParams },
  async ({ user, params, req }) => {
    const file = await storeSessionFile(user, uploadInputOf(req, params.id))
    return Response.json({ file }, { status: 201 })
  },
)
