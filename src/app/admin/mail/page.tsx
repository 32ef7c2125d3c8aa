import type { Metadata } from 'next'
import { AppShell, PageTitle } from '@/components/app-shell'
import { Pager, pageNumberOf } from '@/components/pager'
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
  const page = pageNumberOf((await searchParams).page)
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
        <Pager path="/admin/mail" page={page} pageCount={pageCount} />
      </Card>
    </AppShell>
  )
}
