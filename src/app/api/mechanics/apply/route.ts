import { applyAsMechanic } from '@/features/mechanics/apply-as-mechanic'
import { mechanicApplicationSchema } from '@/features/mechanics/schemas'
import { apiRoute } from '@/server/api-route'

export const POST = apiRoute(
  { access: 'public', body: mechanicApplicationSchema },
  async ({ body, req }) => {
    const { userId, authResponse } = await applyAsMechanic(body, req.headers)
    const response = Response.json({ mechanic: { id: userId, approved: false } }, { status: 201 })
    for (const cookie of authResponse.headers.getSetCookie())
      response.headers.append('set-cookie', cookie)
    return response
  },
)
