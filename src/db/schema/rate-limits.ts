import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core'

/** Hits per key in its current window, shared by every instance (see hit-rate-limit.ts). */
export const rateLimitCounters = pgTable('rate_limit_counters', {
  key: text().primaryKey(),
  /** The first hit of the current window; the window restarts with the first hit after it. */
  windowStart: timestamp({ withTimezone: true }).notNull(),
  hits: integer().notNull(),
})
