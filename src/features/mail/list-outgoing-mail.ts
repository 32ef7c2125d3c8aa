import { and, count, desc, eq } from 'drizzle-orm'
import { jobs } from '@/db/schema'
import { getContext } from '@/server/context'
import { sendEmailJob } from './send-email-job'

export type OutgoingMailStatus = 'queued' | 'sending' | 'retrying' | 'sent' | 'failed'

/** One email as the Outgoing mail page shows it: never its body, which may hold a sign-in link. */
export type OutgoingMail = {
  id: number
  key: string
  to: string
  subject: string
  status: OutgoingMailStatus
  attempts: number
  lastError: string | null
  createdAt: Date
  /** Sent, or given up; for a retrying email, when the next try is due. */
  at: Date
  /** Bodies of reset emails stay hidden: an admin must not be able to take over an account. */
  readable: boolean
}

export const OUTGOING_MAIL_PAGE_SIZE = 25

/** Emails whose body holds a secret link (password reset); listed, never shown. */
export function isSecretEmail(key: string): boolean {
  return key.startsWith('password-reset:')
}

/** The newest emails first, a page at a time, with where each one stands. */
export async function listOutgoingMail({ page }: { page: number }): Promise<{
  emails: OutgoingMail[]
  total: number
  pageCount: number
}> {
  const { db } = getContext().database
  const offset = (Math.max(1, page) - 1) * OUTGOING_MAIL_PAGE_SIZE
  const [rows, [counted]] = await Promise.all([
    db
      .select()
      .from(jobs)
      .where(eq(jobs.kind, sendEmailJob.kind))
      .orderBy(desc(jobs.createdAt), desc(jobs.id))
      .limit(OUTGOING_MAIL_PAGE_SIZE)
      .offset(offset),
    db.select({ n: count() }).from(jobs).where(eq(jobs.kind, sendEmailJob.kind)),
  ])
  const total = counted?.n ?? 0
  return {
    total,
    pageCount: Math.max(1, Math.ceil(total / OUTGOING_MAIL_PAGE_SIZE)),
    emails: rows.map((row) => {
      const payload = sendEmailJob.payload.safeParse(row.payload)
      const key = payload.success ? payload.data.key : (row.key ?? '')
      return {
        id: row.id,
        key,
        to: payload.success ? payload.data.to : '',
        subject: payload.success ? payload.data.subject : '',
        status: statusOf(row),
        attempts: row.attempts,
        lastError: row.lastError,
        createdAt: row.createdAt,
        at: row.finishedAt ?? row.runAt,
        readable: row.status === 'done' && !isSecretEmail(key),
      }
    }),
  }
}

/** The one sent email of this id, for reading; undefined when there is none or it is secret. */
export async function getSentEmailKey(id: number): Promise<string | undefined> {
  const [row] = await getContext()
    .database.db.select({ payload: jobs.payload })
    .from(jobs)
    .where(and(eq(jobs.id, id), eq(jobs.kind, sendEmailJob.kind), eq(jobs.status, 'done')))
  const payload = sendEmailJob.payload.safeParse(row?.payload)
  if (!payload.success || isSecretEmail(payload.data.key)) return undefined
  return payload.data.key
}

function statusOf(row: typeof jobs.$inferSelect): OutgoingMailStatus {
  switch (row.status) {
    case 'done':
      return 'sent'
    case 'failed':
      return 'failed'
    case 'running':
      return row.attempts > 1 ? 'retrying' : 'sending'
    case 'pending':
      return row.attempts > 0 ? 'retrying' : 'queued'
  }
}
