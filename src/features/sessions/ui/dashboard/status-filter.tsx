import Link from 'next/link'
import { type SessionStatus, sessionStatuses } from '@/features/sessions/statuses'

const capitalized = (status: string) => status.charAt(0).toUpperCase() + status.slice(1)

/** Links that filter a list by `?status=`; the current choice is marked for screen readers. */
export function StatusFilter({
  basePath,
  current,
}: {
  basePath: string
  current: SessionStatus | null
}) {
  const options: { value: SessionStatus | null; label: string }[] = [
    { value: null, label: 'All' },
    ...sessionStatuses.map((status) => ({ value: status, label: capitalized(status) })),
  ]
  return (
    <nav aria-label="Filter sessions by status">
      <ul className="flex flex-wrap gap-1.5">
        {options.map((option) => {
          const selected = option.value === current
          return (
            <li key={option.label}>
              <Link
                href={option.value ? `${basePath}?status=${option.value}` : basePath}
                aria-current={selected ? 'page' : undefined}
                className={`inline-flex min-h-10 items-center rounded-full border px-3 text-sm font-medium ${
                  selected
                    ? 'border-blue-600 bg-blue-600 text-white'
                    : 'border-slate-300 bg-white text-slate-700 hover:bg-slate-100'
                }`}
              >
                {option.label}
              </Link>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}

export function parseStatusFilter(value: string | string[] | undefined): SessionStatus | null {
  const candidate = Array.isArray(value) ? value[0] : value
  return (sessionStatuses as readonly string[]).includes(candidate ?? '')
    ? (candidate as SessionStatus)
    : null
}
