import { formatPrice, type PlanId, planIds, plans } from '@/features/catalogue/catalogue'

/** A plan as the booking form shows it; built on the server so prices never live in the UI. */
export type PlanChoice = {
  id: PlanId
  label: string
  type: 'chat' | 'video'
  minutes: number
  price: string
  blurb: string
}

const blurbs: Record<PlanId, string> = {
  chat: 'Text chat with a mechanic. Good for quick questions and warning lights.',
  video: 'More time to show the problem: share photos, scan reports and clips in the chat.',
  diagnostic: 'A full hour of guided diagnosis in the chat, with photos, scan reports and clips.',
}

export function planChoices(): PlanChoice[] {
  return planIds.map((id) => {
    const plan = plans[id]
    return {
      id,
      label: plan.label,
      type: plan.type,
      minutes: plan.minutes,
      price: formatPrice(plan.priceCents),
      blurb: blurbs[id],
    }
  })
}
