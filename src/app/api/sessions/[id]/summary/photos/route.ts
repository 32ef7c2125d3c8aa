import { addSummaryPhoto } from '@/features/summaries/add-summary-photo'
import { apiRoute, idParams } from '@/server/api-route'

/** The photo's bytes are the body, streamed (no multipart); its name is in `?name=`. */
export const POST = apiRoute(
  { access: 'signed-in', params: idParams },
  async ({ user, params, req }) => {
    const declared = req.headers.get('content-length')
    const file = await addSummaryPhoto(user, {
      sessionId: params.id,
      fileName: new URL(req.url).searchParams.get('name') ?? '',
      declaredSize: declared === null ? null : Number(declared),
      body: req.body,
    })
    return Response.json({ file }, { status: 201 })
  },
)
