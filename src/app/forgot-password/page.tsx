import type { Metadata } from 'next'
import Link from 'next/link'
import { AuthPage } from '@/components/public-page'
import { ForgotPasswordForm } from '@/features/auth/ui/forgot-password-form'

export const metadata: Metadata = { title: 'Forgot password' }

export default function ForgotPasswordPage() {
  return (
    <AuthPage
      title="Forgot your password?"
      footer={
        <Link href="/sign-in" className="font-semibold text-blue-700 underline">
          Back to sign in
        </Link>
      }
    >
      <ForgotPasswordForm />
    </AuthPage>
  )
}
