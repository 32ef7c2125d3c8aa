import { bigserial, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core'
import { users } from './auth'

/**
 * The append-only event log: who did what, when. Features write it through `logEvent()`;
 * session transitions add their from/to states in the same row.
 */
export const events = pgTable(
  'events',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    type: text().notNull(),
    actorId: text().references(() => users.id, { onDelete: 'set null' }),
    subjectId: text(),
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index().on(table.subjectId, table.createdAt), index().on(table.type)],
)
