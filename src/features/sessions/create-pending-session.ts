import type { Transaction } from '@/db/client'
import { sessions } from '@/db/schema'
import type { PlanId } from '@/features/catalogue/catalogue'
import { logEvent } from '@/features/events/log-event'
import { planSeconds } from './plan-seconds'

export type PendingSessionInput = {
  customerId: string
  plan: PlanId
  vehicle: { year: number; make: string; model: string }
  concern: string
  /** What the customer paid, kept on the first event for the timeline. */
  amountCents: number
}

/**
 * The one way a session is born: a row in `pending` (the request, adr/0016) and its first
 * transition event (`from: null`), in the caller's transaction. Every later status change goes
 * through `transitionSession`.
 */
export async function createPendingSession(
  tx: Transaction,
  input: PendingSessionInput,
): Promise<{ id: string }> {
  const [session] = await tx
    .insert(sessions)
    .values({
      customerId: input.customerId,
      plan: input.plan,
      status: 'pending',
      vehicleYear: input.vehicle.year,
      vehicleMake: input.vehicle.make,
      vehicleModel: input.vehicle.model,
      concern: input.concern,
      durationSeconds: planSeconds(input.plan),
    })
    .returning({ id: sessions.id })
  if (!session) throw new Error('session insert returned nothing')
  await logEvent(tx, {
    type: 'session.transition',
    actorId: input.customerId,
    subjectId: session.id,
    data: { from: null, to: 'pending', reason: 'paid', amountCents: input.amountCents },
  })
  return session
}
