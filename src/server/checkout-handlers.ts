import { fulfillBooking } from '@/features/booking/fulfill-booking'
import { fulfillExtension } from '@/features/extensions/fulfill-extension'
import type { CheckoutHandlers } from '@/features/payments/checkout-handlers'

/** Who fulfils each kind of paid checkout. A new thing to sell adds its handler here. */
export const checkoutHandlers: CheckoutHandlers = {
  booking: fulfillBooking,
  extension: fulfillExtension,
}
