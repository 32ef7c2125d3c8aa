import { Wrench } from 'lucide-react'
import Link from 'next/link'
import type { ReactNode } from 'react'
import { SiteFooter } from './site-footer'

/** Frame for the signed-out pages: sign-in, sign-up, the mechanic application. */
export function AuthPage({
  title,
  children,
  footer,
}: {
  title: string
  children: ReactNode
  footer?: ReactNode
}) {
  return (
    <div className="flex min-h-screen flex-col">
      <main className="flex flex-1 items-start justify-center px-4 py-10 sm:items-center">
        <div className="w-full max-w-md space-y-6">
          <Link
            href="/"
            className="flex min-h-11 items-center justify-center gap-2 text-xl font-bold"
          >
            <Wrench aria-hidden className="size-6 text-blue-600" />
            AutoDoctor
          </Link>
          <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
            <h1 className="mb-5 text-xl font-semibold">{title}</h1>
            {children}
          </div>
          {footer && <div className="text-center text-sm text-slate-600">{footer}</div>}
        </div>
      </main>
      <SiteFooter />
    </div>
  )
}
