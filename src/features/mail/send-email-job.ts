import { eq } from 'drizzle-orm'
import { z } from 'zod'
import type { Transaction } from '@/db/client'
import { users } from '@/db/schema'
import { defineJob } from '@/features/jobs/define-job'
import { enqueueJob } from '@/features/jobs/enqueue-job'
import { mailer } from './mailer'
import { type EmailContent, renderEmail } from './render-email'

const emailPayload = z.object({
  key: z.string().min(1).max(200),
  to: z.email(),
  subject: z.string().min(1).max(200),
  text: z.string(),
  html: z.string(),
})

export const sendEmailJob = defineJob({
  kind: 'mail.send',
  payload: emailPayload,
  // The key becomes the Message-ID (and the file name on disk), so a repeat after a worker died
  // is the same email, which mail clients show once.
  run: (message) => mailer().send(message),
})

/**
 * Queues one email to a user in the caller's transaction. `key` names the email (e.g.
 * `monitor.start_nudge:<sessionId>`): the same key twice sends one email.
 */
export async function enqueueEmail(
  tx: Transaction,
  {
    key,
    userId,
    subject,
    content,
  }: { key: string; userId: string; subject: string; content: EmailContent },
): Promise<boolean> {
  const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId))
  if (!user) return false
  await enqueueJob(
    tx,
    sendEmailJob,
    { key, to: user.email, subject, ...renderEmail(content) },
    { key: `mail:${key}` },
  )
  return true
}
