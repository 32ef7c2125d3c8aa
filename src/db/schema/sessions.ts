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
import { activeStatuses, type SessionStatus, sessionStatuses } from '@/features/sessions/statuses'
import { users } from './auth'

const inList = (values: readonly string[]) =>
  sql.raw(values.map((value) => `'${value}'`).join(', '))

/**
 * A paid request for help and, once a mechanic accepts it, the session itself: one row from
 * payment to the end, so a request can never lose its session.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid().primaryKey().defaultRandom(),
    customerId: text()
      .notNull()
      .references(() => users.id),
    mechanicId: text().references(() => users.id),
    plan: text().$type<'chat' | 'video' | 'diagnostic'>().notNull(),
    status: text().$type<SessionStatus>().notNull(),
    vehicleYear: integer().notNull(),
    vehicleMake: text().notNull(),
    vehicleModel: text().notNull(),
    concern: text().notNull(),
    /** Paid time in seconds, including extensions. */
    durationSeconds: integer().notNull(),
    requestedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    acceptedAt: timestamp({ withTimezone: true }),
    startedAt: timestamp({ withTimezone: true }),
    /** Owned by the server; clients only display it. Set when the session goes live. */
    expiresAt: timestamp({ withTimezone: true }),
    /** Set while reconnecting: the clock is paused from this moment. */
    pausedAt: timestamp({ withTimezone: true }),
    endedAt: timestamp({ withTimezone: true }),
    endReason: text(),
    /** Minutes-left threshold of the last warning sent (5, then 1), so each is sent once. */
    lastWarningMinutes: integer(),
    statusChangedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('sessions_status_check', sql`${table.status} in (${inList(sessionStatuses)})`),
    check('sessions_plan_check', sql`${table.plan} in ('chat', 'video', 'diagnostic')`),
    check('sessions_concern_length', sql`char_length(${table.concern}) between 1 and 2000`),
    uniqueIndex('sessions_one_active_per_customer')
      .on(table.customerId)
      .where(sql`${table.status} in (${inList(activeStatuses)})`),
    uniqueIndex('sessions_one_active_per_mechanic')
      .on(table.mechanicId)
      .where(sql`${table.status} in (${inList(activeStatuses)})`),
    index().on(table.status, table.expiresAt),
    // The monitor's conditions: how long a session has been in its current state.
    index().on(table.status, table.statusChangedAt),
    index().on(table.customerId, table.createdAt),
    index().on(table.mechanicId, table.createdAt),
    // The typical wait a waiting customer is shown reads the latest accepts.
    index().on(table.acceptedAt),
  ],
)

/** A checkout opened with the payment provider: a booking or an extension, before it is paid. */
export const checkouts = pgTable(
  'checkouts',
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: text().$type<'booking' | 'extension'>().notNull(),
    customerId: text()
      .notNull()
      .references(() => users.id),
    /** The session being extended; for a booking, the session created once it is paid. */
    sessionId: uuid().references(() => sessions.id),
    provider: text().$type<'local' | 'stripe'>().notNull(),
    providerCheckoutId: text().unique(),
    amountCents: integer().notNull(),
    currency: text().notNull().default('usd'),
    /** What was bought: the plan and vehicle for a booking, the option for an extension. */
    details: jsonb().$type<Record<string, unknown>>().notNull(),
    status: text().$type<'open' | 'paid' | 'cancelled'>().notNull().default('open'),
    /** Where the customer lands after paying or backing out (a dashboard, or the room). */
    successPath: text().notNull().default('/customer'),
    cancelPath: text().notNull().default('/customer'),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp({ withTimezone: true }),
  },
  (table) => [
    check('checkouts_kind_check', sql`${table.kind} in ('booking', 'extension')`),
    check('checkouts_status_check', sql`${table.status} in ('open', 'paid', 'cancelled')`),
    index().on(table.customerId, table.status),
  ],
)

/** Money received, one row per paid checkout; refunds are recorded on the same row. */
export const payments = pgTable(
  'payments',
  {
    id: uuid().primaryKey().defaultRandom(),
    checkoutId: uuid()
      .notNull()
      .unique()
      .references(() => checkouts.id),
    sessionId: uuid().references(() => sessions.id),
    provider: text().$type<'local' | 'stripe'>().notNull(),
    providerPaymentId: text().notNull(),
    amountCents: integer().notNull(),
    currency: text().notNull(),
    paidAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    refundReason: text(),
    refundRequestedAt: timestamp({ withTimezone: true }),
    refundedAt: timestamp({ withTimezone: true }),
    providerRefundId: text(),
  },
  (table) => [index().on(table.sessionId)],
)

/** Provider event ids already processed: the first insert wins, redeliveries do nothing. */
export const webhookEvents = pgTable('webhook_events', {
  id: text().primaryKey(),
  type: text().notNull(),
  receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
})

export const sessionMessages = pgTable(
  'session_messages',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    sessionId: uuid()
      .notNull()
      .references(() => sessions.id),
    senderId: text()
      .notNull()
      .references(() => users.id),
    /**
     * 1, 2, 3… within the session, taken under the session row's lock, so messages commit in this
     * order and a client that has seen every message up to n misses nothing by asking for > n.
     * (The id is taken before commit: a lower id can become visible after a higher one.)
     */
    seq: integer().notNull(),
    /** Chosen by the sender's client so a retried send is stored once. */
    clientId: text().notNull(),
    body: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex().on(table.sessionId, table.senderId, table.clientId),
    uniqueIndex().on(table.sessionId, table.seq),
    check('session_messages_body_length', sql`char_length(${table.body}) between 1 and 4000`),
  ],
)

/** Time bought during a session: one row per paid extension, never two for one payment. */
export const sessionExtensions = pgTable(
  'session_extensions',
  {
    id: uuid().primaryKey().defaultRandom(),
    sessionId: uuid()
      .notNull()
      .references(() => sessions.id),
    paymentId: uuid()
      .notNull()
      .unique()
      .references(() => payments.id),
    minutes: integer().notNull(),
    amountCents: integer().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index().on(table.sessionId, table.createdAt)],
)
