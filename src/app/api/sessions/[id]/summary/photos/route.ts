import { uploadInputOf } from '@/features/files/store-session-file'
import { addSummaryPhoto } from '@/features/summaries/add-summary-photo'
import { apiRoute, idParams } from '@/server/api-route'

export const POST = apiRoute(
  { access: 'signed-in', params: idParams },
  async ({ user, params, req }) => {
    const file = await addSummaryPhoto(user, uploadInputOf(req, params.id))
    return Response.json({ file }, { status: 201 })
  },
)
