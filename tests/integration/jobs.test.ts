import { eq, inArray } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { z } from 'zod'
import { jobs } from '@/db/schema'
import { defineJob } from '@/features/jobs/define-job'
import { enqueueJob } from '@/features/jobs/enqueue-job'
import { runDueJobs } from '@/features/jobs/run-due-jobs'
import { eventsOfType } from '../support/sessions'
import { startTestApp, type TestApp } from '../support/test-app'

let app: TestApp

beforeAll(async () => {
  app = await startTestApp()
})

afterAll(async () => {
  await app.close()
})

/** A job kind of its own per test, counting how often its effect ran for each payload. */
function countingJob(run?: (id: string) => Promise<void>, maxAttempts?: number) {
  const runs = new Map<string, number>()
  const definition = defineJob({
    kind: `test.counting.${crypto.randomUUID()}`,
    payload: z.object({ id: z.string() }),
    maxAttempts,
    run: async ({ id }) => {
      runs.set(id, (runs.get(id) ?? 0) + 1)
      await run?.(id)
    },
  })
  return { definition, runs }
}

async function jobRows(kind: string) {
  return app.database.db.select().from(jobs).where(eq(jobs.kind, kind)).orderBy(jobs.id)
}

describe('the outbox', () => {
  test('a job exists only if its transaction commits, and a key makes it once', async () => {
    const { definition } = countingJob()
    await app.database.db
      .transaction(async (tx) => {
        await enqueueJob(tx, definition, { id: 'rolled-back' })
        throw new Error('the change failed')
      })
      .catch(() => undefined)
    await app.database.db.transaction(async (tx) => {
      await enqueueJob(tx, definition, { id: 'a' }, { key: `${definition.kind}:a` })
      await enqueueJob(tx, definition, { id: 'a' }, { key: `${definition.kind}:a` })
    })

    expect((await jobRows(definition.kind)).map((job) => job.payload)).toEqual([{ id: 'a' }])
  })

  test('two workers at once run every job exactly once', async () => {
    const { definition, runs } = countingJob()
    const ids = Array.from({ length: 30 }, (_, index) => `job-${index}`)
    await app.database.db.transaction(async (tx) => {
      for (const id of ids) await enqueueJob(tx, definition, { id })
    })

    await Promise.all([runDueJobs([definition]), runDueJobs([definition])])

    expect(ids.map((id) => runs.get(id))).toEqual(ids.map(() => 1))
    const rows = await jobRows(definition.kind)
    expect(rows.every((job) => job.status === 'done' && job.attempts === 1)).toBe(true)
  })

  test('a job whose worker died mid-run is taken over once its lease runs out', async () => {
    let finishFirstRun = (_error: Error) => {}
    const { definition, runs } = countingJob((id) =>
      runs.get(id) === 1
        ? new Promise<void>((_, reject) => {
            finishFirstRun = reject
          })
        : Promise.resolve(),
    )
    await app.database.db.transaction((tx) => enqueueJob(tx, definition, { id: 'refund' }))

    // The first worker claims the job and hangs, as a process does that is about to be killed.
    const hung = runDueJobs([definition])
    await expect.poll(() => runs.get('refund')).toBe(1)
    expect(await runDueJobs([definition])).toEqual({ done: 0, failed: 0 })

    const [claimed] = await jobRows(definition.kind)
    await app.database.db
      .update(jobs)
      .set({ lockedUntil: new Date(Date.now() - 1000) })
      .where(eq(jobs.id, claimed?.id ?? -1))
    expect(await runDueJobs([definition])).toEqual({ done: 1, failed: 0 })

    // The first worker's late answer changes nothing: the job was taken over.
    finishFirstRun(new Error('connection lost'))
    await hung
    const [row] = await jobRows(definition.kind)
    expect(row).toMatchObject({ status: 'done', attempts: 2 })
    expect(runs.get('refund')).toBe(2)
  })

  test('a job that keeps failing backs off, then is given up and reported', async () => {
    const { definition } = countingJob(async () => {
      throw new Error('provider unavailable')
    }, 2)
    await app.database.db.transaction((tx) => enqueueJob(tx, definition, { id: 'x' }))

    const started = Date.now()
    expect(await runDueJobs([definition])).toEqual({ done: 0, failed: 1 })
    const [retrying] = await jobRows(definition.kind)
    expect(retrying).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: 'provider unavailable',
    })
    expect(retrying?.runAt.getTime()).toBeGreaterThanOrEqual(started + 10_000)
    expect(await runDueJobs([definition])).toEqual({ done: 0, failed: 0 })

    await app.database.db
      .update(jobs)
      .set({ runAt: new Date(Date.now() - 1000) })
      .where(inArray(jobs.id, [retrying?.id ?? -1]))
    expect(await runDueJobs([definition])).toEqual({ done: 0, failed: 1 })

    const [given] = await jobRows(definition.kind)
    expect(given).toMatchObject({ status: 'failed', attempts: 2 })
    expect(await eventsOfType(app, 'job.failed', String(given?.id))).toEqual([
      {
        actorId: null,
        data: { kind: definition.kind, attempts: 2, error: 'provider unavailable' },
      },
    ])
  })
})
