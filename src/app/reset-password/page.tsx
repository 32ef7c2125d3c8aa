import type { Metadata } from 'next'
import Link from 'next/link'
import { AuthPage } from '@/components/public-page'
import { ResetLinkInvalid, ResetPasswordForm } from '@/features/auth/ui/reset-password-form'

export const metadata: Metadata = { title: 'Choose a new password' }

/** The emailed link lands here with `?token=`, or with `?error=INVALID_TOKEN` when it is dead. */
export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string | string[]; error?: string | string[] }>
}) {
  const { token, error } = await searchParams
  const usable = typeof token === 'string' && token !== '' && !error
  return (
    <AuthPage
      title="Choose a new password"
      footer={
        <Link href="/sign-in" className="font-semibold text-blue-700 underline">
          Back to sign in
        </Link>
      }
    >
      {usable ? <ResetPasswordForm token={token} /> : <ResetLinkInvalid />}
    </AuthPage>
  )
}
