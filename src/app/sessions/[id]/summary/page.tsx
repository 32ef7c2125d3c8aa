import { ArrowLeft, CheckCircle2 } from 'lucide-react'
import type { Metadata } from 'next'
import Link from 'next/link'
import { redirect } from 'next/navigation'
import { AppShell, PageTitle } from '@/components/app-shell'
import { Alert, Card } from '@/components/ui'
import { requirePageUser } from '@/features/auth/require-page-user'
import { listFilesOfSession } from '@/features/files/list-session-files'
import { getSessionDetailOrThrow } from '@/features/sessions/get-session-detail'
import { orNotFound } from '@/features/sessions/ui/detail/or-not-found'
import { getSummaryOfSession } from '@/features/summaries/get-summary'
import { needsSummary } from '@/features/summaries/summary-access'
import { SummaryDocument } from '@/features/summaries/ui/summary-document'
import { SummaryForm } from '@/features/summaries/ui/summary-form'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Session summary' }

/** The mechanic writes the summary here; everyone else reads it on the session's page. */
export default async function SummaryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const user = await requirePageUser({ path: `/sessions/${id}/summary` })
  const { detail, role } = await orNotFound(getSessionDetailOrThrow(id, user))
  if (role !== 'mechanic' || !needsSummary(detail)) redirect(`/sessions/${detail.id}`)
  const [summary, files] = await Promise.all([
    getSummaryOfSession(detail.id),
    listFilesOfSession(detail.id),
  ])
  const photos = files.filter((file) => file.kind === 'image')

  return (
    <AppShell user={user}>
      <Link
        href="/mechanic"
        className="inline-flex min-h-11 items-center gap-1 font-medium text-blue-700 underline"
      >
        <ArrowLeft aria-hidden className="size-4" />
        Back to dashboard
      </Link>
      <PageTitle
        title="Session summary"
        subtitle={`${detail.planLabel} session with ${detail.customerName} · ${detail.vehicle}`}
      />
      {summary?.submittedAt ? (
        <>
          <Alert tone="success">
            <span className="inline-flex items-center gap-2">
              <CheckCircle2 aria-hidden className="size-4" />
              Sent to {detail.customerName}. It cannot be changed now.
            </span>
          </Alert>
          <Card title="What you sent">
            <SummaryDocument summary={summary} photos={photos} />
          </Card>
        </>
      ) : (
        <Card>
          <p className="mb-4 text-slate-700">
            Concern: <span className="whitespace-pre-wrap">{detail.concern}</span>
          </p>
          <SummaryForm
            sessionId={detail.id}
            customerName={detail.customerName}
            initial={summary}
            photos={photos}
          />
        </Card>
      )}
    </AppShell>
  )
}
