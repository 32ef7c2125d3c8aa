import { sql } from 'drizzle-orm'
import { bigint, check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { users } from './auth'
import { sessions } from './sessions'

export const fileKinds = ['image', 'pdf', 'text', 'video', 'audio'] as const
export type FileKind = (typeof fileKinds)[number]

/**
 * A file shared in a session. The object is written to storage before this row, and a row is
 * never inserted for an object that is not there (see `store-session-file.ts`).
 */
export const sessionFiles = pgTable(
  'session_files',
  {
    id: uuid().primaryKey().defaultRandom(),
    sessionId: uuid()
      .notNull()
      .references(() => sessions.id),
    uploaderId: text()
      .notNull()
      .references(() => users.id),
    /** Sanitised for display; never used as a storage key or a path. */
    name: text().notNull(),
    kind: text().$type<FileKind>().notNull(),
    /** Decided from the content, never from the name or the client's Content-Type. */
    contentType: text().notNull(),
    sizeBytes: bigint({ mode: 'number' }).notNull(),
    sha256: text().notNull(),
    storageKey: text().notNull().unique(),
    thumbnailKey: text().unique(),
    width: integer(),
    height: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index().on(table.sessionId, table.createdAt),
    check(
      'session_files_kind_check',
      sql.raw(`kind in (${fileKinds.map((kind) => `'${kind}'`).join(', ')})`),
    ),
    check('session_files_size_check', sql`${table.sizeBytes} > 0`),
  ],
)
