import { sql } from 'drizzle-orm'
import { rateLimitCounters } from '@/db/schema'
import { AppError } from '@/lib/errors'
import { getContext } from '@/server/context'
import type { RateLimit } from './rate-limits'

/**
 * Counts one hit for `subject` (a user id, an IP) and refuses it with 429 past the limit. A
 * window starts at the first hit and lasts `windowSeconds`; the count is one upsert on the
 * database's clock, so parallel hits on any number of instances are counted exactly.
 */
export async function hitRateLimit(limit: RateLimit, subject: string): Promise<void> {
  const expired = sql`${rateLimitCounters.windowStart} <= now() - make_interval(secs => ${limit.windowSeconds})`
  const [counter] = await getContext()
    .database.db.insert(rateLimitCounters)
    .values({ key: `${limit.name}:${subject}`, windowStart: sql`now()`, hits: 1 })
    .onConflictDoUpdate({
      target: rateLimitCounters.key,
      set: {
        hits: sql`case when ${expired} then 1 else ${rateLimitCounters.hits} + 1 end`,
        windowStart: sql`case when ${expired} then now() else ${rateLimitCounters.windowStart} end`,
      },
    })
    .returning({ hits: rateLimitCounters.hits })
  if ((counter?.hits ?? 0) > limit.max) throw new AppError('too_many_requests', limit.message)
}
