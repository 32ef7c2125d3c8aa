import { listSessionFiles } from '@/features/files/list-session-files'
import { storeSessionFile } from '@/features/files/store-session-file'
import { apiRoute, idParams } from '@/server/api-route'

export const GET = apiRoute(
  { access: 'signed-in', params: idParams },
  async ({ user, params }) => ({
    files: await listSessionFiles(user, params.id),
  }),
)

/** The file's bytes are the body, streamed (no multipart); its name is in `?name=`. */
export const POST = apiRoute(
  { access: 'signed-in', params: idParams },
  async ({ user, params, req }) => {
    const declared = req.headers.get('content-length')
    const file = await storeSessionFile(user, {
      sessionId: params.id,
      fileName: new URL(req.url).searchParams.get('name') ?? '',
      declaredSize: declared === null ? null : Number(declared),
      body: req.body,
    })
    return Response.json({ file }, { status: 201 })
  },
)
