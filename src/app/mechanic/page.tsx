import type { Metadata } from 'next'
import { AppShell, PageTitle } from '@/components/app-shell'
import { Alert, Card } from '@/components/ui'
import { requirePageUser } from '@/features/auth/require-page-user'
import { isApprovedMechanic } from '@/features/auth/session-user'

export const metadata: Metadata = { title: 'Mechanic dashboard' }

export default async function MechanicDashboardPage() {
  const user = await requirePageUser({ role: 'mechanic', path: '/mechanic' })
  const approved = await isApprovedMechanic(user.id)
  return (
    <AppShell user={user}>
      <PageTitle title="Mechanic dashboard" subtitle={`Signed in as ${user.name}`} />
      {approved ? (
        <Card title="Request queue">
          <p className="text-slate-600">No requests are waiting right now.</p>
        </Card>
      ) : (
        <Alert tone="info">
          Your application is awaiting approval. An administrator will review it shortly; once
          approved, paid requests will appear here.
        </Alert>
      )}
    </AppShell>
  )
}
