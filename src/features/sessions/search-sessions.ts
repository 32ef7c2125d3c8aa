import { and, count, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { sessions, users } from '@/db/schema'
import { getContext } from '@/server/context'
import { paymentsBySession, type SessionSummary, toSessionSummary } from './list-sessions'
import type { SessionSearch } from './session-search'

const customers = alias(users, 'customers')
const mechanics = alias(users, 'mechanics')

export type SessionPage = {
  sessions: SessionSummary[]
  /** Sessions matching the search, on every page. */
  total: number
  page: number
  pageSize: number
}

/** `%` and `_` typed into the box are letters, not wildcards (backslash is ILIKE's escape). */
function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`
}

/**
 * One page of sessions for support, newest first, matching the search by customer (name or
 * email), mechanic, vehicle ("2016 Subaru Outback") or session id. The text is always a bound
 * parameter; the id ties equal request times so pages never overlap or skip.
 */
export async function searchSessions(search: SessionSearch): Promise<SessionPage> {
  const conditions: SQL[] = []
  if (search.status.length > 0) conditions.push(inArray(sessions.status, search.status))
  if (search.q) {
    const pattern = containing(search.q)
    const matches = or(
      ilike(customers.name, pattern),
      ilike(customers.email, pattern),
      ilike(mechanics.name, pattern),
      sql`(${sessions.vehicleYear}::text || ' ' || ${sessions.vehicleMake} || ' ' || ${sessions.vehicleModel}) ilike ${pattern}`,
      sql`${sessions.id}::text ilike ${pattern}`,
    )
    if (matches) conditions.push(matches)
  }
  const where = and(...conditions)
  const { db } = getContext().database
  const [rows, [counted]] = await Promise.all([
    db
      .select({ session: sessions, customerName: customers.name, mechanicName: mechanics.name })
      .from(sessions)
      .innerJoin(customers, eq(customers.id, sessions.customerId))
      .leftJoin(mechanics, eq(mechanics.id, sessions.mechanicId))
      .where(where)
      .orderBy(desc(sessions.requestedAt), desc(sessions.id))
      .limit(search.pageSize)
      .offset((search.page - 1) * search.pageSize),
    db
      .select({ total: count() })
      .from(sessions)
      .innerJoin(customers, eq(customers.id, sessions.customerId))
      .leftJoin(mechanics, eq(mechanics.id, sessions.mechanicId))
      .where(where),
  ])
  const money = await paymentsBySession(rows.map((row) => row.session.id))
  return {
    sessions: rows.map(({ session, customerName, mechanicName }) =>
      toSessionSummary(session, { customerName, mechanicName }, money.get(session.id)),
    ),
    total: counted?.total ?? 0,
    page: search.page,
    pageSize: search.pageSize,
  }
}
