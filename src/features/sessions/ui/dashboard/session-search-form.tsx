import Link from 'next/link'
import type { SessionStatus } from '@/features/sessions/statuses'

/** Support's search box: a plain GET form, so it works before hydration and keeps the filter. */
export function SessionSearchForm({
  basePath,
  query,
  status,
}: {
  basePath: string
  query: string
  status: SessionStatus | null
}) {
  return (
    <search>
      <form method="get" action={basePath} className="flex flex-wrap items-end gap-2">
        <label className="flex min-w-0 flex-1 flex-col gap-1 text-sm font-medium text-slate-800">
          Search by customer, mechanic, vehicle or session id
          <input
            type="search"
            name="q"
            defaultValue={query}
            maxLength={200}
            className="min-h-11 w-full rounded-lg border border-slate-300 px-3 text-base"
          />
        </label>
        {status && <input type="hidden" name="status" value={status} />}
        <button
          type="submit"
          className="min-h-11 rounded-lg bg-blue-600 px-4 font-semibold text-white hover:bg-blue-700"
        >
          Search
        </button>
        {query && (
          <Link
            href={status ? `${basePath}?status=${status}` : basePath}
            className="inline-flex min-h-11 items-center font-medium text-blue-700 underline"
          >
            Clear search
          </Link>
        )}
      </form>
    </search>
  )
}

/** Previous / next through the pages of a search; the links keep the search and the filter. */
export function SessionPager({
  basePath,
  query,
  status,
  page,
  pageCount,
}: {
  basePath: string
  query: string
  status: SessionStatus | null
  page: number
  pageCount: number
}) {
  if (pageCount <= 1) return null
  const href = (target: number) => {
    const params = new URLSearchParams()
    if (query) params.set('q', query)
    if (status) params.set('status', status)
    if (target > 1) params.set('page', String(target))
    const text = params.toString()
    return text ? `${basePath}?${text}` : basePath
  }
  const link =
    'inline-flex min-h-11 items-center rounded-lg border border-slate-300 px-4 font-medium'
  return (
    <nav aria-label="Pages of sessions" className="flex flex-wrap items-center gap-3">
      {page > 1 ? (
        <Link href={href(page - 1)} className={`${link} bg-white text-blue-700 hover:bg-slate-100`}>
          Previous page
        </Link>
      ) : null}
      <span className="text-sm text-slate-700">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link href={href(page + 1)} className={`${link} bg-white text-blue-700 hover:bg-slate-100`}>
          Next page
        </Link>
      ) : null}
    </nav>
  )
}
