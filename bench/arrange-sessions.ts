import { randomUUID } from 'node:crypto'
import { betterAuth } from 'better-auth'
import { testUtils } from 'better-auth/plugins'
import { inArray, sql } from 'drizzle-orm'
import { mechanicProfiles, sessions, users } from '@/db/schema'
import { plans } from '@/features/catalogue/catalogue'
import { getContext } from '@/server/context'
import { mapLimit } from './concurrency'

export type BenchUser = { id: string; cookie: string }
export type ArrangedSession = { sessionId: string; customer: BenchUser; mechanic: BenchUser }

const CHUNK = 250

/**
 * ARRANGEMENT, not product behaviour: accounts and accepted sessions are written straight into the
 * run's own database, because signing up 1,000 people through password hashing and paying for 500
 * bookings would take most of the time budget and is not what is measured. From `accepted` on,
 * everything goes through the real code: the sockets join, presence takes the sessions live, the
 * clock and the sweep end them.
 *
 * The session cookies are real: the auth library's own test helpers create each session row and
 * sign its cookie with the running instance's secret, and the socket handshake checks them
 * exactly as it checks a browser's.
 */
export async function arrangeAcceptedSessions(count: number): Promise<ArrangedSession[]> {
  const { db } = getContext().database
  const runId = randomUUID().slice(0, 8)
  const pairs = Array.from({ length: count }, (_, index) => ({
    sessionId: randomUUID(),
    customerId: randomUUID(),
    mechanicId: randomUUID(),
    index,
  }))

  for (const chunk of chunks(pairs)) {
    await db.insert(users).values(
      chunk.flatMap((pair) => [
        {
          id: pair.customerId,
          name: `Bench Customer ${pair.index}`,
          email: `bench-customer-${pair.index}-${runId}@bench.autodoctor.dev`,
          role: 'customer' as const,
          emailVerified: true,
        },
        {
          id: pair.mechanicId,
          name: `Bench Mechanic ${pair.index}`,
          email: `bench-mechanic-${pair.index}-${runId}@bench.autodoctor.dev`,
          role: 'mechanic' as const,
          emailVerified: true,
        },
      ]),
    )
    // Approved, as every mechanic who can hold a session is; their sockets join the queue room.
    await db.insert(mechanicProfiles).values(
      chunk.map((pair) => ({
        userId: pair.mechanicId,
        yearsExperience: 10,
        specialties: ['Engine'],
        approvedAt: new Date(),
      })),
    )
    await db.insert(sessions).values(
      chunk.map((pair) => ({
        id: pair.sessionId,
        customerId: pair.customerId,
        mechanicId: pair.mechanicId,
        plan: 'chat' as const,
        status: 'accepted' as const,
        vehicleYear: 2017,
        vehicleMake: 'Honda',
        vehicleModel: 'Civic',
        concern: 'Benchmark session',
        durationSeconds: plans.chat.minutes * 60,
        acceptedAt: new Date(),
      })),
    )
  }

  const cookies = await sessionCookies(pairs.flatMap((pair) => [pair.customerId, pair.mechanicId]))
  const cookieOf = (userId: string) => {
    const cookie = cookies.get(userId)
    if (!cookie) throw new Error(`no session cookie for ${userId}`)
    return cookie
  }
  return pairs.map((pair) => ({
    sessionId: pair.sessionId,
    customer: { id: pair.customerId, cookie: cookieOf(pair.customerId) },
    mechanic: { id: pair.mechanicId, cookie: cookieOf(pair.mechanicId) },
  }))
}

/**
 * better-auth's `testUtils` plugin, as its docs advise, on a separate auth instance that exists only
 * in this process: the running instance's own options (tables, secret, cookie name) plus the
 * plugin. The product's auth config never contains it.
 */
async function sessionCookies(userIds: string[]): Promise<Map<string, string>> {
  const benchAuth = betterAuth({ ...getContext().auth.options, plugins: [testUtils()] })
  const helpers = (await benchAuth.$context).test
  const cookies = new Map<string, string>()
  await mapLimit(userIds, 8, async (userId) => {
    const headers = await helpers.getAuthHeaders({ userId })
    const cookie = headers.get('cookie')
    if (!cookie) throw new Error('the auth helpers returned no cookie')
    cookies.set(userId, cookie)
  })
  return cookies
}

/**
 * ARRANGEMENT: moves the clock of running sessions so they all run out inside one window, the way
 * a busy hour would line them up. The warnings are marked as sent because a session reaching its
 * last seconds had them long before.
 */
export async function arrangeExpiries(
  expiries: { sessionId: string; expiresAt: Date }[],
): Promise<void> {
  const { db } = getContext().database
  for (const chunk of chunks(expiries)) {
    const values = sql.join(
      chunk.map(
        ({ sessionId, expiresAt }) =>
          sql`(${sessionId}::uuid, ${expiresAt.toISOString()}::timestamptz)`,
      ),
      sql`, `,
    )
    await db.execute(sql`
      update sessions set expires_at = arranged.expires_at, last_warning_minutes = 1
      from (values ${values}) as arranged(id, expires_at)
      where sessions.id = arranged.id and sessions.status = 'live'`)
  }
}

export async function readSessions(sessionIds: string[]) {
  const { db } = getContext().database
  const rows = []
  for (const chunk of chunks(sessionIds)) {
    rows.push(
      ...(await db
        .select({
          id: sessions.id,
          status: sessions.status,
          expiresAt: sessions.expiresAt,
          endedAt: sessions.endedAt,
          endReason: sessions.endReason,
        })
        .from(sessions)
        .where(inArray(sessions.id, chunk))),
    )
  }
  return rows
}

function chunks<T>(items: readonly T[]): T[][] {
  const result: T[][] = []
  for (let start = 0; start < items.length; start += CHUNK) {
    result.push(items.slice(start, start + CHUNK))
  }
  return result
}
