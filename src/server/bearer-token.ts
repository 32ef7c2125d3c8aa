import { createHash, timingSafeEqual } from 'node:crypto'
import { AppError } from '@/lib/errors'

/**
 * Checks `Authorization: Bearer <token>` against a configured secret for machine callers (the cron
 * trigger, the metrics scraper). Nothing configured: the endpoint does not exist (404). Missing or
 * wrong: 401. Both sides are hashed first, so the comparison takes the same time whatever was sent.
 */
export function requireBearerToken(req: Request, secret: string | undefined): void {
  if (!secret) throw new AppError('not_found', 'Not found')
  const header = req.headers.get('authorization') ?? ''
  const match = /^Bearer (.+)$/i.exec(header.trim())
  const sent = match?.[1] ?? ''
  const digest = (value: string) => createHash('sha256').update(value).digest()
  if (!sent || !timingSafeEqual(digest(sent), digest(secret))) {
    throw new AppError('unauthenticated', 'A valid bearer token is required')
  }
}
