import { trustedOrigins } from '@/features/auth/auth'
import type { ServerEnv } from '@/lib/env'

/**
 * Browsers send Origin (and Sec-Fetch-Site) on every cross-site write. A write whose Origin is not
 * ours is refused; clients outside a browser send neither and are authenticated as usual.
 */
export function isSameOrigin(req: Request, env: ServerEnv): boolean {
  if (req.headers.get('sec-fetch-site') === 'cross-site') return false
  const origin = req.headers.get('origin')
  if (!origin) return true
  return trustedOrigins(env).includes(origin)
}
