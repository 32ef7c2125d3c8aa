import { sql } from 'drizzle-orm'
import {
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core'

export const jobStatuses = ['pending', 'running', 'done', 'failed'] as const
export type JobStatus = (typeof jobStatuses)[number]

/**
 * The outbox: side effects (refunds, email, nudges, clean-up) written in the transaction that
 * causes them and run afterwards by a worker on any instance, with retries.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    kind: text().notNull(),
    payload: jsonb().$type<unknown>().notNull(),
    /** Enqueuing the same key twice makes one job: an effect is asked for once. */
    key: text(),
    status: text().$type<JobStatus>().notNull().default('pending'),
    attempts: integer().notNull().default(0),
    runAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** While running: when the claim lapses and another worker may take the job over. */
    lockedUntil: timestamp({ withTimezone: true }),
    lastError: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (table) => [
    uniqueIndex().on(table.key),
    index().on(table.runAt).where(sql`${table.status} = 'pending'`),
    index().on(table.lockedUntil).where(sql`${table.status} = 'running'`),
    check(
      'jobs_status_check',
      sql.raw(`status in (${jobStatuses.map((status) => `'${status}'`).join(', ')})`),
    ),
  ],
)
