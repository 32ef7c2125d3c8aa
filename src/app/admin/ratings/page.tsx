import type { Metadata } from 'next'
import { AppShell, PageTitle } from '@/components/app-shell'
import { Pager, pageNumberOf } from '@/components/pager'
import { Card } from '@/components/ui'
import { requirePageUser } from '@/features/auth/require-page-user'
import { listRatings } from '@/features/summaries/list-ratings'
import { RatingsList } from '@/features/summaries/ui/ratings-list'

export const metadata: Metadata = { title: 'Ratings' }
export const dynamic = 'force-dynamic'

type SearchParams = Promise<Record<string, string | string[] | undefined>>

export default async function RatingsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser({ role: 'admin', path: '/admin/ratings' })
  const page = pageNumberOf((await searchParams).page)
  const { ratings, total, pageCount, average } = await listRatings({ page })
  const subtitle =
    average === null
      ? 'What customers said of their sessions.'
      : `Customers rate their sessions ${average.toFixed(1)} of 5 on average.`
  return (
    <AppShell user={user}>
      <PageTitle title="Ratings" subtitle={subtitle} />
      <Card title={`Ratings (${total})`}>
        <RatingsList ratings={ratings} />
        <Pager path="/admin/ratings" page={page} pageCount={pageCount} />
      </Card>
    </AppShell>
  )
}
