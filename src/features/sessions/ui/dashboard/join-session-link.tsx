import { LogIn } from 'lucide-react'
import Link from 'next/link'

export function JoinSessionLink({ href }: { href: string }) {
  return (
    <Link
      href={href}
      className="inline-flex min-h-11 items-center justify-center gap-2 rounded-lg bg-blue-600 px-5 py-2 font-semibold text-white hover:bg-blue-700"
    >
      <LogIn aria-hidden className="size-4" />
      Join Session
    </Link>
  )
}
