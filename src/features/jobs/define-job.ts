import type { z } from 'zod'

/**
 * One kind of side effect: a name, the payload it needs and what to do. The handler may run more
 * than once for one job (a worker can die after the effect and before recording it), so it must
 * be safe to repeat: check before acting, or pass an idempotency key to the provider.
 */
export type JobDefinition<TPayload> = {
  kind: string
  payload: z.ZodType<TPayload>
  // Method syntax: a registry holds definitions of every payload type as JobDefinition<unknown>.
  run(payload: TPayload): Promise<void>
  /** Attempts before the job is given up and reported (default 12, about 8 hours). */
  maxAttempts?: number
}

export function defineJob<TPayload>(definition: JobDefinition<TPayload>): JobDefinition<TPayload> {
  return definition
}
