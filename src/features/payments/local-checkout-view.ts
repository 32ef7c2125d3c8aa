import type { checkouts } from '@/db/schema'
import { deliveryLabel, formatPrice, type PlanId, plans } from '@/features/catalogue/catalogue'
import { returnUrlFor } from './pay-local-checkout'

type Checkout = typeof checkouts.$inferSelect

/** The checkout as its page shows it; amounts come from the checkout row, never the client. */
export type LocalCheckoutView = {
  id: string
  status: 'open' | 'paid' | 'cancelled'
  kind: 'booking' | 'extension'
  title: string
  amount: string
  lines: { label: string; value: string }[]
  successPath: string
  cancelPath: string
}

export function toLocalCheckoutView(checkout: Checkout): LocalCheckoutView {
  return {
    id: checkout.id,
    status: checkout.status,
    kind: checkout.kind,
    amount: formatPrice(checkout.amountCents),
    ...summarize(checkout),
    successPath: returnUrlFor(checkout, 'success'),
    cancelPath: returnUrlFor(checkout, 'cancel'),
  }
}

function summarize(checkout: Checkout): Pick<LocalCheckoutView, 'title' | 'lines'> {
  const details = checkout.details
  if (checkout.kind === 'extension') {
    return { title: `Extra time: +${Number(details.minutes)} min`, lines: [] }
  }
  const plan = plans[details.plan as PlanId]
  const vehicle = details.vehicle as { year?: number; make?: string; model?: string } | undefined
  const lines = [
    {
      label: 'Session',
      value: plan ? `${plan.minutes} min ${deliveryLabel(plan.type)}` : '',
    },
    {
      label: 'Vehicle',
      value: vehicle ? `${vehicle.year} ${vehicle.make} ${vehicle.model}` : '',
    },
    { label: 'Problem', value: typeof details.concern === 'string' ? details.concern : '' },
  ].filter((line) => line.value !== '')
  return { title: plan ? `${plan.label} session` : 'Session', lines }
}
