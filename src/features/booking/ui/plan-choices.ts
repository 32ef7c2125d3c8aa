import { formatPrice, type PlanId, planIds, plans } from '@/features/catalogue/catalogue'
import { planSeconds } from '@/features/sessions/plan-seconds'
import { shortDuration } from '@/lib/durations'

/** A plan as the booking form shows it; built on the server so prices never live in the UI. */
export type PlanChoice = {
  id: PlanId
  label: string
  type: 'chat' | 'video'
  /** How long its clock runs ("30 min"), from the server's plan table. */
  length: string
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
      length: shortDuration(planSeconds(id)),
      price: formatPrice(plan.priceCents),
      blurb: blurbs[id],
    }
  })
}
