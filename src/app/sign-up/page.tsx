import type { Metadata } from 'next'
import Link from 'next/link'
import { redirect } from 'next/navigation'
import { AuthPage } from '@/components/public-page'
import { getPageUser } from '@/features/auth/require-page-user'
import { dashboardPathFor } from '@/features/auth/session-user'
import { SignUpForm } from '@/features/auth/ui/sign-up-form'

export const metadata: Metadata = { title: 'Create an account' }

export default async function SignUpPage() {
  const user = await getPageUser()
  if (user) redirect(dashboardPathFor(user.role))
  return (
    <AuthPage
      title="Create your account"
      footer={
        <>
          Already have an account?{' '}
          <Link href="/sign-in" className="font-semibold text-blue-700 underline">
            Sign in
          </Link>
        </>
      }
    >
      <SignUpForm />
    </AuthPage>
  )
}
