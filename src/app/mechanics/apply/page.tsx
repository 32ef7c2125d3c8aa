import type { Metadata } from 'next'
import Link from 'next/link'
import { redirect } from 'next/navigation'
import { AuthPage } from '@/components/public-page'
import { getPageUser } from '@/features/auth/require-page-user'
import { dashboardPathFor } from '@/features/auth/session-user'
import { MechanicApplicationForm } from '@/features/mechanics/ui/application-form'

export const metadata: Metadata = { title: 'Apply as a mechanic' }

export default async function MechanicApplyPage() {
  const user = await getPageUser()
  if (user) redirect(dashboardPathFor(user.role))
  return (
    <AuthPage
      title="Apply as a mechanic"
      footer={
        <>
          Already applied?{' '}
          <Link href="/sign-in" className="font-semibold text-blue-700 underline">
            Sign in
          </Link>
        </>
      }
    >
      <p className="mb-4 text-sm text-slate-600">
        Tell us about your experience. An administrator reviews every application; once approved you
        can take sessions from the live queue.
      </p>
      <MechanicApplicationForm />
    </AuthPage>
  )
}
