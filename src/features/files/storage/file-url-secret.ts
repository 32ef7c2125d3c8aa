import { createHmac, randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { ServerEnv } from '@/lib/env'

/**
 * The secret local download URLs are signed with; anyone who knows it can read every file. The
 * operator's FILE_URL_SECRET, else one derived from AUTH_SECRET (instances sharing it agree),
 * else a random one made at the first start and kept in the data directory.
 */
export function resolveFileUrlSecret(env: ServerEnv): string {
  if (env.FILE_URL_SECRET) return env.FILE_URL_SECRET
  if (env.AUTH_SECRET) {
    return createHmac('sha256', env.AUTH_SECRET).update('file-download-urls').digest('hex')
  }
  const file = path.join(env.DATA_DIR, 'file-url-secret')
  try {
    return readFileSync(file, 'utf8').trim()
  } catch {
    mkdirSync(env.DATA_DIR, { recursive: true })
    const secret = randomBytes(32).toString('hex')
    // `wx`: if another process made it first, that one wins and is read back.
    try {
      writeFileSync(file, `${secret}\n`, { flag: 'wx', mode: 0o600 })
    } catch {
      return readFileSync(file, 'utf8').trim()
    }
    return secret
  }
}
