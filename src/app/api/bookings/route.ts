import { createBookingCheckout } from '@/features/booking/create-booking-checkout'
import { bookingSchema } from '@/features/booking/schemas'
import { apiRoute } from '@/server/api-route'

export const POST = apiRoute(
  { access: 'customer', body: bookingSchema },
  async ({ user, body }) => {
    const checkout = await createBookingCheckout(user, body)
    return Response.json({ checkout }, { status: 201 })
  },
)
