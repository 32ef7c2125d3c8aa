import { createHash } from 'node:crypto'
import type { Database } from '@/db/client'
import { passwordResetEmail } from '@/features/mail/email-templates'
import { enqueueEmail } from '@/features/mail/send-email-job'

/** How long a reset link works; the auth library deletes the token once it is used. */
export const RESET_LINK_SECONDS = 60 * 60

/**
 * Called by the auth library when someone asks for a reset of an existing account: the email is an
 * outbox job like every other, so an SMTP outage delays it and loses nothing. The key is made from
 * a hash of the token (one email per request), so the token never appears in a file name or key.
 */
export async function sendPasswordResetEmail(
  db: Database,
  { userId, url, token }: { userId: string; url: string; token: string },
): Promise<void> {
  const tokenId = createHash('sha256').update(token).digest('hex').slice(0, 32)
  await db.transaction(async (tx) => {
    await enqueueEmail(tx, {
      key: `password-reset:${tokenId}`,
      userId,
      ...passwordResetEmail({ resetUrl: url, expiresInMinutes: RESET_LINK_SECONDS / 60 }),
    })
  })
}
