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
  uuid,
} from 'drizzle-orm/pg-core'
import { users } from './auth'
import { sessions } from './sessions'

export const monitorConditions = [
  'start_nudge',
  'waiting_stuck',
  'not_started_released',
  'max_duration',
  'checkout_unconfirmed',
] as const
export type MonitorCondition = (typeof monitorConditions)[number]

/**
 * One row per stuck thing and condition: the monitor acts on a condition only when its insert
 * here wins, in the transaction that writes the action's event, so no number of instances or
 * runs repeats a nudge. Rows stay as the admins' alerts feed until acknowledged.
 */
export const sessionAlerts = pgTable(
  'session_alerts',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    condition: text().$type<MonitorCondition>().notNull(),
    /** The session's id, or the checkout's for `checkout_unconfirmed`. */
    subjectId: text().notNull(),
    sessionId: uuid().references(() => sessions.id),
    /** How long the thing had been stuck when the monitor saw it, and the threshold it crossed. */
    ageSeconds: integer().notNull(),
    thresholdSeconds: integer().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    acknowledgedAt: timestamp({ withTimezone: true }),
    acknowledgedBy: text().references(() => users.id, { onDelete: 'set null' }),
  },
  (table) => [
    uniqueIndex().on(table.condition, table.subjectId),
    index().on(table.sessionId),
    index().on(table.createdAt),
    check(
      'session_alerts_condition_check',
      sql.raw(`condition in (${monitorConditions.map((value) => `'${value}'`).join(', ')})`),
    ),
  ],
)

/** What each monitor pass did, for the Health page; passes older than a day are pruned. */
export const monitorRuns = pgTable(
  'monitor_runs',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    /** `loop` (in-process timer) or `cron` (the external trigger). */
    trigger: text().$type<'loop' | 'cron'>().notNull(),
    instanceId: text().notNull(),
    startedAt: timestamp({ withTimezone: true }).notNull(),
    durationMs: integer().notNull(),
    actions: jsonb().$type<Record<string, number>>().notNull(),
  },
  (table) => [index().on(table.startedAt)],
)
