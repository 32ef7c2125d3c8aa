import { getCallAccessOrThrow } from '@/features/video/get-call-access'
import { mintIceServers } from '@/features/video/mint-ice-servers'
import { apiRoute, idParams } from '@/server/api-route'
import { getContext } from '@/server/context'

// Minted per request: a TURN credential is never cached or shared between people.
export const GET = apiRoute({ access: 'signed-in', params: idParams }, async ({ user, params }) => {
  await getCallAccessOrThrow(params.id, user)
  const { env } = getContext()
  return {
    iceServers: mintIceServers(env, user.id),
    iceTransportPolicy: env.ICE_TRANSPORT_POLICY,
  }
})
