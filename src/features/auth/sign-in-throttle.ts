import { and, count, eq, gt, inArray, lt, or, sql } from 'drizzle-orm'
import { loginFailures } from '@/db/schema'
import { AppError } from '@/lib/errors'
import { getContext } from '@/server/context'

/**
 * Failed sign-ins are counted for the account *from one address* and, with a looser limit, for
 * the address alone. A stranger guessing a customer's password locks out only themselves, not the
 * customer on their own network, and one address cannot try account after account.
 */
const accountAtIpKey = (email: string, ip: string) =>
  `account-ip:${email.trim().toLowerCase()}|${ip}`
const ipKey = (ip: string) => `ip:${ip}`

type Limit = { key: string; max: number }

function limitsFor(email: string | null, ip: string): Limit[] {
  const { env } = getContext()
  const limits = [{ key: ipKey(ip), max: env.LOGIN_MAX_FAILURES_PER_IP }]
  // A request without a readable email still counts against its address.
  if (email) limits.push({ key: accountAtIpKey(email, ip), max: env.LOGIN_MAX_FAILURES })
  // Locks are always taken in the same order, so two attempts never wait on each other in a ring.
  return limits.sort((a, b) => a.key.localeCompare(b.key))
}

function windowStart(): Date {
  return new Date(Date.now() - getContext().env.LOGIN_WINDOW_MINUTES * 60_000)
}

/** The failure rows an attempt holds while its password is checked. */
export type SignInAttempt = { rowIds: string[] }

/**
 * Reserves the attempt before the password is checked: under a lock per key, counts the recent
 * failures and, if every limit still has room, writes the attempt as a failure. Attempts sent in
 * parallel therefore queue for the count, and no more than the limit are ever checked.
 */
export async function reserveSignInAttempt(
  email: string | null,
  ip: string,
): Promise<SignInAttempt> {
  const { database, env } = getContext()
  const limits = limitsFor(email, ip)
  return database.db.transaction(async (tx) => {
    for (const { key } of limits) {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`)
    }
    const rows = await tx
      .select({ key: loginFailures.key, failures: count() })
      .from(loginFailures)
      .where(
        and(
          inArray(
            loginFailures.key,
            limits.map((limit) => limit.key),
          ),
          gt(loginFailures.createdAt, windowStart()),
        ),
      )
      .groupBy(loginFailures.key)
    const full = limits.some(
      (limit) => (rows.find((row) => row.key === limit.key)?.failures ?? 0) >= limit.max,
    )
    if (full) {
      throw new AppError(
        'too_many_requests',
        `Too many failed sign-ins. Try again in ${env.LOGIN_WINDOW_MINUTES} minutes.`,
      )
    }
    const inserted = await tx
      .insert(loginFailures)
      .values(limits.map(({ key }) => ({ key })))
      .returning({ id: loginFailures.id })
    return { rowIds: inserted.map((row) => row.id) }
  })
}

/** The password was never checked (the request was malformed or failed): the attempt is not counted. */
export async function releaseSignInAttempt(attempt: SignInAttempt): Promise<void> {
  await getContext()
    .database.db.delete(loginFailures)
    .where(inArray(loginFailures.id, attempt.rowIds))
}

/** The password was wrong: the attempt stays counted. Old rows no longer count; prune them. */
export async function keepSignInFailure(): Promise<void> {
  await getContext()
    .database.db.delete(loginFailures)
    .where(lt(loginFailures.createdAt, windowStart()))
}

/**
 * The right password: this account's count from this address starts again, and the attempt's own
 * rows go with it, in one statement (one round trip on the sign-in path instead of two).
 */
export async function clearSignInFailures(attempt: SignInAttempt, email: string, ip: string) {
  await getContext()
    .database.db.delete(loginFailures)
    .where(
      or(
        inArray(loginFailures.id, attempt.rowIds),
        eq(loginFailures.key, accountAtIpKey(email, ip)),
      ),
    )
}
