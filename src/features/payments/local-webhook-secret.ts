import { createHmac, randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { ServerEnv } from '@/lib/env'

/**
 * The secret the local checkout signs its events with. Anyone who knows it can mark a checkout
 * paid, so it is never a constant: the operator's LOCAL_WEBHOOK_SECRET, else one derived from
 * AUTH_SECRET (every instance sharing AUTH_SECRET agrees on it), else a random one made at the
 * first start and kept in the data directory.
 */
export function resolveLocalWebhookSecret(env: ServerEnv): string {
  if (env.LOCAL_WEBHOOK_SECRET) return env.LOCAL_WEBHOOK_SECRET
  if (env.AUTH_SECRET) {
    return `whsec_${createHmac('sha256', env.AUTH_SECRET).update('local-checkout-webhook').digest('hex')}`
  }
  const file = path.join(env.DATA_DIR, 'local-webhook-secret')
  try {
    return readFileSync(file, 'utf8').trim()
  } catch {
    mkdirSync(env.DATA_DIR, { recursive: true })
    const secret = `whsec_${randomBytes(32).toString('hex')}`
    // `wx`: if another process made it first, that one wins and is read back.
    try {
      writeFileSync(file, `${secret}\n`, { flag: 'wx', mode: 0o600 })
    } catch {
      return readFileSync(file, 'utf8').trim()
    }
    return secret
  }
}
