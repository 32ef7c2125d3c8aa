import { sql } from 'drizzle-orm'
import { getRealtimeHealth, type RealtimeHealth } from '@/features/realtime/realtime-health'
import packageJson from '../../package.json' with { type: 'json' }
import { getContext } from './context'

export type Health = {
  status: 'ok' | 'degraded'
  db: 'ok' | 'down'
  /** `degraded` while events cannot reach the other instances (see `realtime-health.ts`). */
  realtime: RealtimeHealth
  version: string
  time: string
}

export async function checkHealth(): Promise<Health> {
  let db: Health['db'] = 'ok'
  try {
    await getContext().database.db.execute(sql`select 1`)
  } catch {
    db = 'down'
  }
  const realtime = getRealtimeHealth()
  return {
    status: db === 'ok' && realtime === 'ok' ? 'ok' : 'degraded',
    db,
    realtime,
    version: packageJson.version,
    time: new Date().toISOString(),
  }
}
