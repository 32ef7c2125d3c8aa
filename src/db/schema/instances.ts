import { pgTable, timestamp, uuid } from 'drizzle-orm/pg-core'

/**
 * Server processes sharing the database, one row per process start. A process writes its
 * heartbeat every few seconds; one whose heartbeat went stale died, and the connections it held
 * count as gone (clocks of sessions it served pause, as for a network drop).
 */
export const instances = pgTable('instances', {
  id: uuid().primaryKey(),
  startedAt: timestamp({ withTimezone: true }).notNull(),
  heartbeatAt: timestamp({ withTimezone: true }).notNull(),
  /** Set by a graceful shutdown once its connections are closed: gone without waiting. */
  stoppedAt: timestamp({ withTimezone: true }),
})
