import { Clock, MessageSquare, ShieldCheck, Video, Wrench } from 'lucide-react'
import Link from 'next/link'
import { SiteFooter } from '@/components/site-footer'
import { getPageUser } from '@/features/auth/require-page-user'
import { dashboardPathFor } from '@/features/auth/session-user'
import { planChoices } from '@/features/booking/ui/plan-choices'
import { deliveryLabel } from '@/features/catalogue/catalogue'

export const dynamic = 'force-dynamic'

const planIcons = { chat: MessageSquare, video: Video, diagnostic: Wrench }

export default async function LandingPage() {
  const user = await getPageUser()
  return (
    <div className="min-h-screen">
      <header className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-3">
        <span className="flex items-center gap-2 text-lg font-bold">
          <Wrench aria-hidden className="size-5 text-blue-600" />
          AutoDoctor
        </span>
        <nav aria-label="Account" className="flex gap-2">
          {user ? (
            <Link
              href={dashboardPathFor(user.role)}
              className="inline-flex min-h-11 items-center rounded-lg bg-blue-600 px-4 font-semibold text-white hover:bg-blue-700"
            >
              Go to your dashboard
            </Link>
          ) : (
            <>
              <Link
                href="/sign-in"
                className="inline-flex min-h-11 items-center rounded-lg px-4 font-medium hover:bg-slate-100"
              >
                Sign in
              </Link>
              <Link
                href="/sign-up"
                className="inline-flex min-h-11 items-center rounded-lg bg-blue-600 px-4 font-semibold text-white hover:bg-blue-700"
              >
                Get help now
              </Link>
            </>
          )}
        </nav>
      </header>

      <main className="mx-auto max-w-5xl px-4 pb-16">
        <section className="py-10 sm:py-16">
          <h1 className="max-w-2xl text-4xl font-bold tracking-tight sm:text-5xl">
            A real mechanic, live, in minutes.
          </h1>
          <p className="mt-4 max-w-2xl text-lg text-slate-600">
            Describe what your car is doing, pick a plan, and a certified mechanic joins you in a
            live chat, or a 1:1 video call on the Video and Diagnostic plans, where you can share
            photos, scan reports and clips. You pay for a fixed block of time and can extend it
            whenever you need.
          </p>
          <div className="mt-6 flex flex-wrap gap-3">
            <Link
              href="/sign-up"
              className="inline-flex min-h-11 items-center rounded-lg bg-blue-600 px-5 font-semibold text-white hover:bg-blue-700"
            >
              Book a session
            </Link>
            <Link
              href="/mechanics/apply"
              className="inline-flex min-h-11 items-center rounded-lg border border-slate-300 bg-white px-5 font-semibold hover:bg-slate-100"
            >
              Work with us as a mechanic
            </Link>
          </div>
        </section>

        <section aria-labelledby="plans-heading" className="space-y-4">
          <h2 id="plans-heading" className="text-2xl font-semibold">
            Plans
          </h2>
          <ul className="grid gap-4 sm:grid-cols-3">
            {planChoices().map((plan) => {
              const Icon = planIcons[plan.id]
              return (
                <li
                  key={plan.id}
                  className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
                >
                  <Icon aria-hidden className="size-6 text-blue-600" />
                  <h3 className="mt-3 text-lg font-semibold">{plan.label}</h3>
                  <p className="text-slate-600">{plan.blurb}</p>
                  <p className="mt-3 text-2xl font-bold">{plan.price}</p>
                  <p className="text-sm text-slate-500">
                    {plan.length} · {deliveryLabel(plan.type)}
                  </p>
                </li>
              )
            })}
          </ul>
        </section>

        <section className="mt-10 grid gap-4 sm:grid-cols-2">
          <div className="flex gap-3">
            <Clock aria-hidden className="mt-1 size-5 shrink-0 text-blue-600" />
            <p>
              The clock only starts when you and your mechanic are both in the room, and it pauses
              if either of you drops.
            </p>
          </div>
          <div className="flex gap-3">
            <ShieldCheck aria-hidden className="mt-1 size-5 shrink-0 text-blue-600" />
            <p>
              If no mechanic picks up your request within 15 minutes, you are refunded
              automatically.
            </p>
          </div>
        </section>
      </main>
      <SiteFooter />
    </div>
  )
}
