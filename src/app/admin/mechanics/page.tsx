import type { Metadata } from 'next'
import { AppShell, PageTitle } from '@/components/app-shell'
import { Card } from '@/components/ui'
import { requirePageUser } from '@/features/auth/require-page-user'
import { listMechanics } from '@/features/mechanics/list-mechanics'
import { ApproveMechanicButton } from '@/features/mechanics/ui/approve-button'

export const metadata: Metadata = { title: 'Mechanics' }

export default async function AdminMechanicsPage() {
  const user = await requirePageUser({ role: 'admin', path: '/admin/mechanics' })
  const mechanics = await listMechanics()
  return (
    <AppShell user={user}>
      <PageTitle title="Mechanics" subtitle="Approve applications so mechanics can take work." />
      <Card>
        {mechanics.length === 0 ? (
          <p className="text-slate-600">No mechanics have applied yet.</p>
        ) : (
          <ul className="divide-y divide-slate-200">
            {mechanics.map((mechanic) => (
              <li
                key={mechanic.id}
                className="flex flex-wrap items-center justify-between gap-3 py-3"
                data-testid="mechanic-row"
              >
                <div>
                  <p className="font-semibold">{mechanic.name}</p>
                  <p className="text-sm text-slate-600">{mechanic.email}</p>
                  <p className="text-sm text-slate-600">
                    {mechanic.yearsExperience} years · {mechanic.specialties.join(', ')}
                  </p>
                </div>
                {mechanic.approvedAt ? (
                  <span className="rounded-full bg-green-100 px-3 py-1 text-sm font-medium text-green-800">
                    Approved
                  </span>
                ) : (
                  <ApproveMechanicButton mechanicId={mechanic.id} name={mechanic.name} />
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </AppShell>
  )
}
