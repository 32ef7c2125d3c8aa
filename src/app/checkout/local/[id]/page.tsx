import { FlaskConical } from 'lucide-react'
import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { AppShell } from '@/components/app-shell'
import { Alert } from '@/components/ui'
import { requirePageUser } from '@/features/auth/require-page-user'
import { toLocalCheckoutView } from '@/features/payments/local-checkout-view'
import { getLocalCheckout } from '@/features/payments/pay-local-checkout'
import { LocalCheckoutActions } from '@/features/payments/ui/local-checkout-actions'
import { AppError } from '@/lib/errors'

export const metadata: Metadata = { title: 'Checkout (test mode)' }

export default async function LocalCheckoutPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const user = await requirePageUser({ role: 'customer', path: `/checkout/local/${id}` })
  const checkout = await getLocalCheckout(id, user.id).catch((error: unknown) => {
    // Someone else's checkout, an unknown id, or real Stripe in use: all look the same.
    if (error instanceof AppError && error.code === 'not_found') notFound()
    throw error
  })
  const view = toLocalCheckoutView(checkout)

  return (
    <AppShell user={user}>
      <div className="mx-auto max-w-lg space-y-4">
        <div className="flex items-start gap-3 rounded-xl border border-amber-300 bg-amber-50 p-4 text-amber-950">
          <FlaskConical aria-hidden className="mt-0.5 size-5 shrink-0" />
          <div className="text-sm">
            <p className="font-semibold">Test-mode checkout — no card needed</p>
            <p>
              No real payment provider is configured, so this page stands in for Stripe. Paying here
              sends the same signed payment event Stripe would; no money moves.
            </p>
          </div>
        </div>

        <section
          aria-labelledby="order-heading"
          className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
        >
          <h1 id="order-heading" className="text-xl font-semibold">
            Order summary
          </h1>
          <div className="mt-4 flex items-baseline justify-between gap-4 border-b border-slate-200 pb-3">
            <p className="font-medium">{view.title}</p>
            <p className="text-lg font-bold tabular-nums" data-testid="checkout-amount">
              {view.amount}
            </p>
          </div>
          {view.lines.length > 0 && (
            <dl className="mt-3 space-y-2 text-sm">
              {view.lines.map((line) => (
                <div key={line.label} className="grid gap-1 sm:grid-cols-[6rem_1fr] sm:gap-3">
                  <dt className="text-slate-500">{line.label}</dt>
                  <dd className="line-clamp-4 whitespace-pre-line break-words">{line.value}</dd>
                </div>
              ))}
            </dl>
          )}
          <div className="mt-3 flex items-baseline justify-between gap-4 border-t border-slate-200 pt-3">
            <p className="font-semibold">Total</p>
            <p className="text-lg font-bold tabular-nums">{view.amount}</p>
          </div>

          <div className="mt-5">
            {view.status === 'open' && (
              <LocalCheckoutActions
                checkoutId={view.id}
                amount={view.amount}
                cancelPath={view.cancelPath}
              />
            )}
            {view.status === 'paid' && (
              <Alert tone="success">
                This checkout has already been paid.{' '}
                <Link href={view.successPath} className="font-semibold underline">
                  {view.kind === 'booking' ? 'Go to your dashboard' : 'Back to your session'}
                </Link>
              </Alert>
            )}
            {view.status === 'cancelled' && (
              <Alert tone="info">
                This checkout was cancelled and can no longer be paid. You were not charged.{' '}
                <Link
                  href={view.kind === 'booking' ? '/customer' : view.cancelPath}
                  className="font-semibold underline"
                >
                  {view.kind === 'booking' ? 'Go to your dashboard' : 'Back to your session'}
                </Link>
              </Alert>
            )}
          </div>
        </section>
      </div>
    </AppShell>
  )
}
