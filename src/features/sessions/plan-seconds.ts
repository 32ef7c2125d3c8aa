import { type PlanId, plans } from '@/features/catalogue/catalogue'
import { env } from '@/lib/env'

/** The paid time of a plan; tests and demos shorten every plan with SESSION_SECONDS_OVERRIDE. */
export function planSeconds(planId: PlanId): number {
  return env().SESSION_SECONDS_OVERRIDE ?? plans[planId].minutes * 60
}
