import { count, sql } from 'drizzle-orm'
import { jobs, sessions } from '@/db/schema'
import { getIo } from '@/features/realtime/io'
import { getContext } from '@/server/context'

/** Sessions per status right now (the Health page and the `autodoctor_sessions` gauge). */
export async function countSessionsByStatus(): Promise<Record<string, number>> {
  const rows = await getContext()
    .database.db.select({ status: sessions.status, value: count() })
    .from(sessions)
    .groupBy(sessions.status)
  return Object.fromEntries(rows.map((row) => [row.status, row.value]))
}

/** Outbox jobs per status; `pending` is the depth, `failed` the ones given up. */
export async function countJobsByStatus(): Promise<Record<string, number>> {
  const rows = await getContext()
    .database.db.select({ status: jobs.status, value: count() })
    .from(jobs)
    // Done jobs are history; counting them would read the whole table on every scrape.
    .where(sql`${jobs.status} <> 'done'`)
    .groupBy(jobs.status)
  return {
    pending: 0,
    running: 0,
    failed: 0,
    ...Object.fromEntries(rows.map((row) => [row.status, row.value])),
  }
}

/** Socket.IO connections open on this instance. */
export function countLocalSockets(): number {
  return getIo()?.engine.clientsCount ?? 0
}
