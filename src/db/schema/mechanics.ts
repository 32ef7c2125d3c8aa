import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core'
import { users } from './auth'

export const mechanicProfiles = pgTable('mechanic_profiles', {
  userId: text()
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  yearsExperience: integer().notNull(),
  specialties: text().array().notNull(),
  /** Null until an admin approves; only approved mechanics can take work. */
  approvedAt: timestamp({ withTimezone: true }),
  approvedBy: text().references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
})
