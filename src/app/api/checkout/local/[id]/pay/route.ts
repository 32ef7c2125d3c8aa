import { payLocalCheckout } from '@/features/payments/pay-local-checkout'
import { apiRoute, idParams } from '@/server/api-route'

export const POST = apiRoute({ access: 'customer', params: idParams }, async ({ user, params }) =>
  payLocalCheckout({ checkoutId: params.id, customerId: user.id }),
)
