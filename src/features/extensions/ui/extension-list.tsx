import { formatPrice } from '@/features/catalogue/catalogue'
import type { SessionExtension } from '@/features/extensions/list-session-extensions'
import { LocalTime } from '@/features/sessions/ui/dashboard/local-time'

/** The time bought during a session: minutes, amount and when. */
export function ExtensionList({ extensions }: { extensions: SessionExtension[] }) {
  if (extensions.length === 0) {
    return <p className="text-slate-600">No extra time was bought in this session.</p>
  }
  return (
    <ul className="divide-y divide-slate-200" data-testid="extension-list">
      {extensions.map((extension) => (
        <li key={extension.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
          <span className="font-medium">+{extension.minutes} min</span>
          <span>
            {formatPrice(extension.amountCents)}
            {extension.refund && (
              <span className="ml-2 font-medium text-green-800">
                {extension.refund === 'refunded' ? 'refunded' : 'refund on its way'}
              </span>
            )}
          </span>
          <span className="text-sm text-slate-600">
            <LocalTime iso={extension.createdAt} />
          </span>
        </li>
      ))}
    </ul>
  )
}
