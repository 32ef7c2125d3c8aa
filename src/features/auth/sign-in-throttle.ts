import { and, count, eq, gt, inArray, lt } from 'drizzle-orm'
import { loginFailures } from '@/db/schema'
import { AppError } from '@/lib/errors'
import { getContext } from '@/server/context'

const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`
const ipKey = (ip: string) => `ip:${ip}`
// A request without a readable email still counts against its IP.
const keysFor = (email: string | null, ip: string) =>
  email ? [accountKey(email), ipKey(ip)] : [ipKey(ip)]

function windowStart(): Date {
  return new Date(Date.now() - getContext().env.LOGIN_WINDOW_MINUTES * 60_000)
}

/** Refuses the attempt when the account or the IP already has too many recent failures. */
export async function assertSignInAllowed(email: string | null, ip: string): Promise<void> {
  const { database, env } = getContext()
  const rows = await database.db
    .select({ key: loginFailures.key, failures: count() })
    .from(loginFailures)
    .where(
      and(
        inArray(loginFailures.key, keysFor(email, ip)),
        gt(loginFailures.createdAt, windowStart()),
      ),
    )
    .groupBy(loginFailures.key)
  if (rows.some((row) => row.failures >= env.LOGIN_MAX_FAILURES)) {
    throw new AppError(
      'too_many_requests',
      `Too many failed sign-ins. Try again in ${env.LOGIN_WINDOW_MINUTES} minutes.`,
    )
  }
}

export async function recordSignInFailure(email: string | null, ip: string): Promise<void> {
  const { db } = getContext().database
  await db.insert(loginFailures).values(keysFor(email, ip).map((key) => ({ key })))
  // Old rows no longer count; prune them so the table stays small.
  await db.delete(loginFailures).where(lt(loginFailures.createdAt, windowStart()))
}

export async function clearAccountFailures(email: string): Promise<void> {
  await getContext()
    .database.db.delete(loginFailures)
    .where(eq(loginFailures.key, accountKey(email)))
}
