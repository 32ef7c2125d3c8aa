import Link from 'next/link'

/** The page asked for in `?page=`: a positive whole number, else the first page. */
export function pageNumberOf(raw: string | string[] | undefined): number {
  const requested = Number.parseInt(typeof raw === 'string' ? raw : '1', 10)
  return Number.isFinite(requested) && requested > 0 ? requested : 1
}

/** "Newer · Page 2 of 5 · Older" under a list shown newest first; nothing when one page holds it. */
export function Pager({
  path,
  page,
  pageCount,
}: {
  path: string
  page: number
  pageCount: number
}) {
  if (pageCount <= 1) return null
  return (
    <nav aria-label="Pages" className="mt-4 flex items-center justify-between text-sm">
      {page > 1 ? (
        <Link href={`${path}?page=${page - 1}`} className="font-semibold text-blue-700 underline">
          Newer
        </Link>
      ) : (
        <span />
      )}
      <span className="text-slate-600">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link href={`${path}?page=${page + 1}`} className="font-semibold text-blue-700 underline">
          Older
        </Link>
      ) : (
        <span />
      )}
    </nav>
  )
}
