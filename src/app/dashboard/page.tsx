import { redirect } from 'next/navigation'
import { requirePageUser } from '@/features/auth/require-page-user'
import { dashboardPathFor } from '@/features/auth/session-user'

export default async function DashboardPage() {
  const user = await requirePageUser({ path: '/dashboard' })
  redirect(dashboardPathFor(user.role))
}
