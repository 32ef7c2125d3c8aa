import { sql } from 'drizzle-orm'
import packageJson from '../../package.json' with { type: 'json' }
import { getContext } from './context'

export type Health = { status: 'ok' | 'degraded'; db: 'ok' | 'down'; version: string; time: string }

export async function checkHealth(): Promise<Health> {
  let db: Health['db'] = 'ok'
  try {
    await getContext().database.db.execute(sql`select 1`)
  } catch {
    db = 'down'
  }
  return {
    status: db === 'ok' ? 'ok' : 'degraded',
    db,
    version: packageJson.version,
    time: new Date().toISOString(),
  }
}
