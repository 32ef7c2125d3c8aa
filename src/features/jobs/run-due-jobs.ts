import { and, eq, inArray, lt, lte, or, sql } from 'drizzle-orm'
import { jobs } from '@/db/schema'
import { logEvent } from '@/features/events/log-event'
import { logger } from '@/lib/logger'
import { getContext } from '@/server/context'
import type { JobDefinition } from './define-job'

export type JobRegistry = readonly JobDefinition<unknown>[]

const BATCH = 10
const MAX_BATCHES_PER_PASS = 20
/** A worker that has not finished a job by then is taken for dead, and the job runs again. */
const LEASE_SECONDS = 60
const DEFAULT_MAX_ATTEMPTS = 12
const FIRST_RETRY_SECONDS = 10
const MAX_RETRY_SECONDS = 60 * 60

type ClaimedJob = { id: number; kind: string; payload: unknown; attempts: number }

/**
 * One pass of the job worker: claims due jobs (and jobs whose worker's lease ran out), runs each
 * once, and records the outcome. `FOR UPDATE SKIP LOCKED` lets any number of workers on any
 * number of instances share the table without taking the same job.
 */
export async function runDueJobs(registry: JobRegistry): Promise<{ done: number; failed: number }> {
  let done = 0
  let failed = 0
  // A burst (many sessions expiring at once) drains in one pass, a batch at a time, within bounds.
  for (let batch = 0; batch < MAX_BATCHES_PER_PASS; batch++) {
    const claimed = await claimDueJobs()
    for (const job of claimed) {
      if (await runJob(registry, job)) done++
      else failed++
    }
    if (claimed.length < BATCH) break
  }
  return { done, failed }
}

async function claimDueJobs(): Promise<ClaimedJob[]> {
  const { db } = getContext().database
  const due = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(
      or(
        and(eq(jobs.status, 'pending'), lte(jobs.runAt, sql`now()`)),
        and(eq(jobs.status, 'running'), lt(jobs.lockedUntil, sql`now()`)),
      ),
    )
    .orderBy(jobs.runAt)
    .limit(BATCH)
    .for('update', { skipLocked: true })
  return db
    .update(jobs)
    .set({
      status: 'running',
      attempts: sql`${jobs.attempts} + 1`,
      lockedUntil: sql`now() + make_interval(secs => ${LEASE_SECONDS})`,
    })
    .where(inArray(jobs.id, due))
    .returning({ id: jobs.id, kind: jobs.kind, payload: jobs.payload, attempts: jobs.attempts })
}

async function runJob(registry: JobRegistry, job: ClaimedJob): Promise<boolean> {
  const definition = registry.find((candidate) => candidate.kind === job.kind)
  try {
    if (!definition) throw new Error(`no handler for job kind "${job.kind}"`)
    await definition.run(definition.payload.parse(job.payload))
    await finish(job, { status: 'done', finishedAt: new Date(), lockedUntil: null })
    return true
  } catch (error) {
    const maxAttempts = definition?.maxAttempts ?? DEFAULT_MAX_ATTEMPTS
    const lastError = error instanceof Error ? error.message : String(error)
    if (job.attempts >= maxAttempts) {
      logger().error({ err: error, jobId: job.id, kind: job.kind }, 'job failed for good')
      await getContext().database.db.transaction(async (tx) => {
        const [given] = await tx
          .update(jobs)
          .set({ status: 'failed', lastError, finishedAt: new Date(), lockedUntil: null })
          .where(and(eq(jobs.id, job.id), eq(jobs.attempts, job.attempts)))
          .returning({ id: jobs.id })
        if (given) {
          await logEvent(tx, {
            type: 'job.failed',
            actorId: null,
            subjectId: String(job.id),
            data: { kind: job.kind, attempts: job.attempts, error: lastError },
          })
        }
      })
    } else {
      logger().warn({ err: error, jobId: job.id, kind: job.kind }, 'job failed; will retry')
      await finish(job, {
        status: 'pending',
        lastError,
        lockedUntil: null,
        runAt: new Date(Date.now() + retryDelaySeconds(job.attempts) * 1000),
      })
    }
    return false
  }
}

/** Records an outcome unless another worker took the job over meanwhile (its lease ran out). */
async function finish(job: ClaimedJob, values: Partial<typeof jobs.$inferInsert>): Promise<void> {
  await getContext()
    .database.db.update(jobs)
    .set(values)
    .where(and(eq(jobs.id, job.id), eq(jobs.status, 'running'), eq(jobs.attempts, job.attempts)))
}

/** 10 s, 20 s, 40 s … up to an hour between attempts. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(MAX_RETRY_SECONDS, FIRST_RETRY_SECONDS * 2 ** Math.max(0, attempts - 1))
}
