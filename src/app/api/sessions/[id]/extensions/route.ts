import { createExtensionCheckout } from '@/features/extensions/create-extension-checkout'
import { listSessionExtensions } from '@/features/extensions/list-session-extensions'
import { extensionRequestSchema } from '@/features/extensions/schemas'
import { getSessionAccessOrThrow } from '@/features/sessions/get-session-access'
import { apiRoute, idParams } from '@/server/api-route'

export const GET = apiRoute({ access: 'signed-in', params: idParams }, async ({ user, params }) => {
  await getSessionAccessOrThrow(params.id, user)
  return { extensions: await listSessionExtensions(params.id) }
})

export const POST = apiRoute(
  { access: 'customer', params: idParams, body: extensionRequestSchema },
  async ({ user, params, body }) => {
    const checkout = await createExtensionCheckout(user, {
      sessionId: params.id,
      option: body.option,
    })
    return Response.json({ checkout }, { status: 201 })
  },
)
