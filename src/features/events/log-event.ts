import type { Executor } from '@/db/client'
import { events } from '@/db/schema'

export type EventInput = {
  /** Dotted name, e.g. `mechanic.approved`, `session.transition`. */
  type: string
  actorId: string | null
  subjectId?: string | null
  data?: Record<string, unknown>
}

/** Appends to the event log; pass the open transaction so the event commits with its change. */
export async function logEvent(executor: Executor, input: EventInput): Promise<void> {
  await executor.insert(events).values({
    type: input.type,
    actorId: input.actorId,
    subjectId: input.subjectId ?? null,
    data: input.data ?? {},
  })
}
