import type { Metadata } from 'next'
import Link from 'next/link'
import { AppShell, PageTitle } from '@/components/app-shell'
import { Card } from '@/components/ui'
import { requirePageUser } from '@/features/auth/require-page-user'
import { listMechanics } from '@/features/mechanics/list-mechanics'

export const metadata: Metadata = { title: 'Admin' }

export default async function AdminDashboardPage() {
  const user = await requirePageUser({ role: 'admin', path: '/admin' })
  const mechanics = await listMechanics()
  const pending = mechanics.filter((mechanic) => !mechanic.approvedAt).length
  return (
    <AppShell user={user}>
      <PageTitle title="Admin overview" subtitle="Support and session health." />
      <Card
        title="Mechanic applications"
        action={
          <Link href="/admin/mechanics" className="font-semibold text-blue-700 underline">
            Review
          </Link>
        }
      >
        <p className="text-slate-700">
          {pending === 0 ? 'No applications are waiting.' : `${pending} waiting for review.`}
        </p>
      </Card>
    </AppShell>
  )
}
