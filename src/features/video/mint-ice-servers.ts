import { createHmac } from 'node:crypto'
import type { ServerEnv } from '@/lib/env'

/** What `RTCPeerConnection` takes as `iceServers`; sent to the browser as-is. */
export type IceServer = { urls: string[]; username?: string; credential?: string }

export type IceServersConfig = Pick<
  ServerEnv,
  'STUN_URLS' | 'TURN_URLS' | 'TURN_SECRET' | 'TURN_TTL_SECONDS'
>

const splitUrls = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter(Boolean)

/**
 * A TURN credential in coturn's shared-secret REST scheme (`use-auth-secret`): the username is
 * `<unix expiry>:<userId>` and the password base64(HMAC-SHA1(secret, username)). The TURN server
 * checks both without a database, and the credential stops working at the expiry.
 */
export function mintTurnCredential(
  secret: string,
  userId: string,
  ttlSeconds: number,
  nowMs: number = Date.now(),
): { username: string; credential: string; expiresAt: number } {
  const expiresAt = Math.floor(nowMs / 1000) + ttlSeconds
  const username = `${expiresAt}:${userId}`
  const credential = createHmac('sha1', secret).update(username).digest('base64')
  return { username, credential, expiresAt }
}

/**
 * The ICE servers for one participant: STUN as configured, TURN with a fresh credential. Nothing
 * configured → an empty list, and calls use host candidates only (one machine or one LAN).
 */
export function mintIceServers(
  config: IceServersConfig,
  userId: string,
  nowMs: number = Date.now(),
): IceServer[] {
  const servers: IceServer[] = []
  const stun = splitUrls(config.STUN_URLS)
  if (stun.length > 0) servers.push({ urls: stun })
  const turn = splitUrls(config.TURN_URLS)
  if (turn.length > 0 && config.TURN_SECRET) {
    const { username, credential } = mintTurnCredential(
      config.TURN_SECRET,
      userId,
      config.TURN_TTL_SECONDS,
      nowMs,
    )
    servers.push({ urls: turn, username, credential })
  }
  return servers
}
