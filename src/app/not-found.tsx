import Link from 'next/link'

export default function NotFound() {
  return (
    <main className="mx-auto max-w-md px-4 py-20 text-center">
      <h1 className="text-2xl font-bold">Page not found</h1>
      <p className="mt-2 text-slate-600">
        The page you are looking for does not exist or you cannot see it.
      </p>
      <Link
        href="/dashboard"
        className="mt-6 inline-flex min-h-11 items-center rounded-lg bg-blue-600 px-4 font-semibold text-white"
      >
        Back to your dashboard
      </Link>
    </main>
  )
}
