import Link from 'next/link'
import { formatEmailTime } from '@/features/mail/email-templates'

/** What the page shows of one email; built on the server from the outbox row. */
export type OutgoingMailRow = {
  id: number
  to: string
  subject: string
  status: 'queued' | 'sending' | 'retrying' | 'sent' | 'failed'
  attempts: number
  lastError: string | null
  createdAt: Date
  at: Date
  readable: boolean
}

const statusStyles: Record<OutgoingMailRow['status'], string> = {
  queued: 'bg-slate-100 text-slate-800',
  sending: 'bg-blue-50 text-blue-800',
  retrying: 'bg-amber-50 text-amber-900',
  sent: 'bg-green-50 text-green-800',
  failed: 'bg-red-50 text-red-800',
}

function whenOf(mail: OutgoingMailRow): string {
  if (mail.status === 'sent') return `Sent ${formatEmailTime(mail.at)}`
  if (mail.status === 'failed') return `Gave up ${formatEmailTime(mail.at)}`
  if (mail.status === 'retrying') return `Next try ${formatEmailTime(mail.at)}`
  return `Queued ${formatEmailTime(mail.createdAt)}`
}

export function OutgoingMailTable({ emails }: { emails: OutgoingMailRow[] }) {
  if (emails.length === 0) {
    return (
      <p className="text-sm text-slate-600">
        No email has been sent yet. Receipts, refund notices and password resets appear here as soon
        as they are queued.
      </p>
    )
  }
  return (
    <ul className="divide-y divide-slate-200" aria-label="Emails, newest first">
      {emails.map((mail) => (
        <li key={mail.id} className="flex flex-col gap-1 py-3 sm:flex-row sm:items-start sm:gap-4">
          <div className="min-w-0 flex-1">
            <p className="font-medium break-words">
              {mail.readable ? (
                <Link href={`/admin/mail/${mail.id}`} className="text-blue-700 underline">
                  {mail.subject}
                </Link>
              ) : (
                mail.subject
              )}
            </p>
            <p className="text-sm break-all text-slate-600">To {mail.to}</p>
            {mail.lastError && mail.status !== 'sent' && (
              <p className="text-sm break-words text-red-800">
                Attempt {mail.attempts}: {mail.lastError}
              </p>
            )}
          </div>
          <div className="flex flex-wrap items-center gap-2 text-sm sm:flex-col sm:items-end">
            <span
              className={`rounded-full px-2 py-0.5 text-xs font-semibold ${statusStyles[mail.status]}`}
            >
              {mail.status}
            </span>
            <span className="text-slate-600">{whenOf(mail)}</span>
          </div>
        </li>
      ))}
    </ul>
  )
}
