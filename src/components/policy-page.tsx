import { Wrench } from 'lucide-react'
import Link from 'next/link'
import type { ReactNode } from 'react'
import { SiteFooter } from './site-footer'

/** Frame for the short policy pages (terms, privacy, refunds): readable by anyone, signed in or not. */
export function PolicyPage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-5xl px-4 py-2">
          <Link href="/" className="flex min-h-11 items-center gap-2 font-bold text-slate-900">
            <Wrench aria-hidden className="size-5 text-blue-600" />
            AutoDoctor
          </Link>
        </div>
      </header>
      <main className="mx-auto w-full max-w-3xl flex-1 space-y-4 px-4 py-8 text-slate-800 [&_h2]:pt-2 [&_h2]:text-lg [&_h2]:font-semibold [&_li]:ml-5 [&_li]:list-disc">
        <h1 className="text-2xl font-bold tracking-tight">{title}</h1>
        {children}
      </main>
      <SiteFooter />
    </div>
  )
}
