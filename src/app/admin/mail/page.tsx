import type { Metadata } from 'next'
import Link from 'next/link'
import { AppShell, PageTitle } from '@/components/app-shell'
import { Card } from '@/components/ui'
import { requirePageUser } from '@/features/auth/require-page-user'
import { listOutgoingMail } from '@/features/mail/list-outgoing-mail'
import { mailer } from '@/features/mail/mailer'
import { OutgoingMailTable } from '@/features/mail/ui/outgoing-mail-table'

export const metadata: Metadata = { title: 'Outgoing mail' }
export const dynamic = 'force-dynamic'

type SearchParams = Promise<Record<string, string | string[] | undefined>>

export default async function OutgoingMailPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser({ role: 'admin', path: '/admin/mail' })
  const raw = (await searchParams).page
  const requested = Number.parseInt(typeof raw === 'string' ? raw : '1', 10)
  const page = Number.isFinite(requested) && requested > 0 ? requested : 1
  const { emails, total, pageCount } = await listOutgoingMail({ page })
  const delivery =
    mailer().kind === 'files'
      ? 'No SMTP server is set, so each email is written as an .eml file in the data directory; open a sent one to read it.'
      : 'Emails go to the SMTP server in SMTP_URL.'
  return (
    <AppShell user={user}>
      <PageTitle title="Outgoing mail" subtitle={delivery} />
      <Card title={`Emails (${total})`}>
        <OutgoingMailTable emails={emails} />
        {pageCount > 1 && (
          <nav aria-label="Pages" className="mt-4 flex items-center justify-between text-sm">
            {page > 1 ? (
              <Link
                href={`/admin/mail?page=${page - 1}`}
                className="font-semibold text-blue-700 underline"
              >
                Newer
              </Link>
            ) : (
              <span />
            )}
            <span className="text-slate-600">
              Page {page} of {pageCount}
            </span>
            {page < pageCount ? (
              <Link
                href={`/admin/mail?page=${page + 1}`}
                className="font-semibold text-blue-700 underline"
              >
                Older
              </Link>
            ) : (
              <span />
            )}
          </nav>
        )}
      </Card>
    </AppShell>
  )
}
