import type { Metadata } from 'next'
import { AppShell, PageTitle } from '@/components/app-shell'
import { Card } from '@/components/ui'
import { requirePageUser } from '@/features/auth/require-page-user'

export const metadata: Metadata = { title: 'Your dashboard' }

export default async function CustomerDashboardPage() {
  const user = await requirePageUser({ role: 'customer', path: '/customer' })
  return (
    <AppShell user={user}>
      <PageTitle title={`Hi, ${user.name}`} subtitle="Get live help from a mechanic." />
      <Card title="Your sessions">
        <p className="text-slate-600">You have no sessions yet.</p>
      </Card>
    </AppShell>
  )
}
