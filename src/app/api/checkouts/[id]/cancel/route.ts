import { cancelCheckout } from '@/features/payments/cancel-checkout'
import { apiRoute, idParams } from '@/server/api-route'

export const POST = apiRoute({ access: 'customer', params: idParams }, async ({ user, params }) => {
  await cancelCheckout({ checkoutId: params.id, customerId: user.id })
  return { cancelled: true }
})
