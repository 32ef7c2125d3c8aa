import { sql } from 'drizzle-orm'
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { type SummaryPart, type Urgency, urgencies } from '@/features/summaries/urgencies'
import { users } from './auth'
import { sessions } from './sessions'

/**
 * The mechanic's written summary of a session: a draft saved as they type, then sent once.
 * `summarySubmittedAt` is set in the same transaction as the final text and the email job, so a
 * summary is either a draft or sent, never half of each.
 */
export const sessionSummaries = pgTable(
  'session_summaries',
  {
    id: uuid().primaryKey().defaultRandom(),
    sessionId: uuid()
      .notNull()
      .unique()
      .references(() => sessions.id),
    mechanicId: text()
      .notNull()
      .references(() => users.id),
    findings: text().notNull().default(''),
    stepsTaken: text().notNull().default(''),
    recommendations: text().notNull().default(''),
    urgency: text().$type<Urgency>(),
    parts: jsonb().$type<SummaryPart[]>().notNull().default([]),
    /** Files of the same session (checked when saved), shown as photos in the summary. */
    photoFileIds: jsonb().$type<string[]>().notNull().default([]),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    summarySubmittedAt: timestamp({ withTimezone: true }),
  },
  (table) => [
    check(
      'session_summaries_urgency_check',
      sql.raw(`urgency is null or urgency in (${urgencies.map((u) => `'${u}'`).join(', ')})`),
    ),
    index().on(table.mechanicId, table.summarySubmittedAt),
  ],
)

/** The customer's rating of a session: one per session, never changed. */
export const sessionRatings = pgTable(
  'session_ratings',
  {
    id: uuid().primaryKey().defaultRandom(),
    sessionId: uuid()
      .notNull()
      .unique()
      .references(() => sessions.id),
    customerId: text()
      .notNull()
      .references(() => users.id),
    /** Denormalised from the session so a mechanic's average is one indexed query. */
    mechanicId: text()
      .notNull()
      .references(() => users.id),
    stars: integer().notNull(),
    comment: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('session_ratings_stars_check', sql`${table.stars} between 1 and 5`),
    index().on(table.mechanicId),
  ],
)
