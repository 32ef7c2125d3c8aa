import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { AppShell, PageTitle } from '@/components/app-shell'
import { Card } from '@/components/ui'
import { requirePageUser } from '@/features/auth/require-page-user'
import { formatEmailTime } from '@/features/mail/email-templates'
import { readSentEmail } from '@/features/mail/read-sent-email'

export const metadata: Metadata = { title: 'Sent email' }
export const dynamic = 'force-dynamic'

export default async function SentEmailPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const user = await requirePageUser({ role: 'admin', path: `/admin/mail/${id}` })
  const jobId = /^\d{1,15}$/.test(id) ? Number(id) : Number.NaN
  const email = Number.isSafeInteger(jobId) ? await readSentEmail(jobId) : undefined
  if (!email) notFound()
  return (
    <AppShell user={user}>
      <PageTitle title="Sent email" />
      <p className="mb-4 text-sm">
        <Link href="/admin/mail" className="font-semibold text-blue-700 underline">
          Back to outgoing mail
        </Link>
      </p>
      <Card title={email.kind === 'file' ? email.subject : 'Not stored here'}>
        {email.kind === 'file' ? (
          <>
            <dl className="mb-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
              <dt className="text-slate-600">From</dt>
              <dd className="break-all">{email.from}</dd>
              <dt className="text-slate-600">To</dt>
              <dd className="break-all">{email.to}</dd>
              <dt className="text-slate-600">Date</dt>
              <dd>{email.date ? formatEmailTime(email.date) : 'not recorded'}</dd>
              <dt className="text-slate-600">Message-ID</dt>
              <dd className="break-all font-mono text-xs">{email.messageId}</dd>
            </dl>
            <pre className="rounded-lg border border-slate-200 bg-slate-50 p-4 text-sm whitespace-pre-wrap break-words">
              {email.text}
            </pre>
          </>
        ) : (
          <p className="text-sm text-slate-600">
            {email.kind === 'smtp'
              ? 'This email went to the SMTP server; its copy is kept there, not in the data directory.'
              : 'The .eml file of this email is no longer in the data directory.'}
          </p>
        )}
      </Card>
    </AppShell>
  )
}
