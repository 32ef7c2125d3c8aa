import type { Metadata } from 'next'
import Link from 'next/link'
import { redirect } from 'next/navigation'
import { AuthPage } from '@/components/public-page'
import { getPageUser } from '@/features/auth/require-page-user'
import { safeReturnPath } from '@/features/auth/safe-return-path'
import { dashboardPathFor } from '@/features/auth/session-user'
import { SignInForm } from '@/features/auth/ui/sign-in-form'

export const metadata: Metadata = { title: 'Sign in' }

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string }>
}) {
  const { next } = await searchParams
  const user = await getPageUser()
  if (user) redirect(safeReturnPath(next) ?? dashboardPathFor(user.role))
  return (
    <AuthPage
      title="Sign in"
      footer={
        <>
          New here?{' '}
          <Link href="/sign-up" className="font-semibold text-blue-700 underline">
            Create an account
          </Link>
          {' · '}
          <Link href="/mechanics/apply" className="font-semibold text-blue-700 underline">
            Apply as a mechanic
          </Link>
        </>
      }
    >
      <SignInForm returnTo={safeReturnPath(next)} />
    </AuthPage>
  )
}
