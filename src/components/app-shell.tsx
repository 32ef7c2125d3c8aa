import { Wrench } from 'lucide-react'
import Link from 'next/link'
import type { ReactNode } from 'react'
import type { SessionUser } from '@/features/auth/session-user'
import { SignOutButton } from '@/features/auth/ui/sign-out-button'
import { SiteFooter } from './site-footer'

const navigation = {
  customer: [{ href: '/customer', label: 'Dashboard' }],
  mechanic: [{ href: '/mechanic', label: 'Dashboard' }],
  admin: [
    { href: '/admin', label: 'Overview' },
    { href: '/admin/mechanics', label: 'Mechanics' },
    { href: '/admin/health', label: 'Health' },
    { href: '/admin/ratings', label: 'Ratings' },
    { href: '/admin/mail', label: 'Outgoing mail' },
  ],
} as const

/** The frame of every signed-in page: brand, the role's navigation, who is signed in. */
export function AppShell({ user, children }: { user: SessionUser; children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-2">
          <Link
            href="/dashboard"
            className="flex min-h-11 items-center gap-2 font-bold text-slate-900"
          >
            <Wrench aria-hidden className="size-5 text-blue-600" />
            AutoDoctor
          </Link>
          <nav aria-label="Main" className="flex flex-wrap items-center gap-1">
            {navigation[user.role].map((item) => (
              <Link
                key={item.href}
                href={item.href}
                className="inline-flex min-h-11 items-center rounded-lg px-3 text-sm font-medium text-slate-700 hover:bg-slate-100"
              >
                {item.label}
              </Link>
            ))}
            <span
              className="hidden px-2 text-sm text-slate-500 sm:inline"
              data-testid="signed-in-as"
            >
              {user.name} · {user.role}
            </span>
            <SignOutButton />
          </nav>
        </div>
      </header>
      <main className="mx-auto w-full max-w-5xl flex-1 space-y-6 px-4 py-6">{children}</main>
      <SiteFooter />
    </div>
  )
}

export function PageTitle({ title, subtitle }: { title: string; subtitle?: string }) {
  return (
    <div>
      <h1 className="text-2xl font-bold tracking-tight">{title}</h1>
      {subtitle && <p className="mt-1 text-slate-600">{subtitle}</p>}
    </div>
  )
}
