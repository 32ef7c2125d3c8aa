import type { SessionUser } from '@/features/auth/session-user'
import {
  type ExtensionOptionId,
  extensionOptions,
  formatPrice,
  plans,
} from '@/features/catalogue/catalogue'
import { type OpenedCheckout, openCheckout } from '@/features/payments/open-checkout'
import { publishToSession } from '@/features/realtime/publish'
import { getSessionAccessOrThrow } from '@/features/sessions/get-session-access'
import { roomPathFor } from '@/features/sessions/room-path'
import { AppError } from '@/lib/errors'
import type { ExtensionDetails } from './schemas'

/** The customer buys more time for a running session; the room keeps running meanwhile. */
export async function createExtensionCheckout(
  customer: SessionUser,
  { sessionId, option }: { sessionId: string; option: ExtensionOptionId },
): Promise<OpenedCheckout> {
  const { session, role } = await getSessionAccessOrThrow(sessionId, customer)
  if (role !== 'customer')
    throw new AppError('forbidden', 'Only the customer of this session can extend it')
  if (session.status !== 'live' && session.status !== 'reconnecting') {
    throw new AppError('conflict', 'Only a running session can be extended', {
      status: session.status,
    })
  }
  const choice = extensionOptions[option]
  const roomPath = roomPathFor(session.id, plans[session.plan].type)
  const details: ExtensionDetails = { option: choice.id, minutes: choice.minutes }
  const checkout = await openCheckout({
    kind: 'extension',
    customer,
    sessionId: session.id,
    amountCents: choice.priceCents,
    description: `AutoDoctor session extension: +${choice.minutes} min (${formatPrice(choice.priceCents)})`,
    details,
    metadata: { option: choice.id },
    successPath: `${roomPath}?extension=paid`,
    cancelPath: `${roomPath}?extension=cancelled&checkout={checkoutId}`,
  })
  // The mechanic sees "Customer is extending the session…" until it is paid or abandoned.
  publishToSession(session.id, 'extension:pending', {
    sessionId: session.id,
    minutes: choice.minutes,
  })
  return checkout
}
