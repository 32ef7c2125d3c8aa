import type { SharedFile } from '@/features/realtime/contract'
import { formatCents, type SummaryView, urgencyLabels } from '../summary-view'
import type { Urgency } from '../urgencies'

const urgencyStyles: Record<Urgency, string> = {
  safe_to_drive: 'border-green-300 bg-green-50 text-green-900',
  fix_soon: 'border-amber-300 bg-amber-50 text-amber-900',
  stop_driving: 'border-red-300 bg-red-50 text-red-900',
}

/** The sent summary as the customer reads (and prints) it. */
export function SummaryDocument({
  summary,
  photos,
}: {
  summary: SummaryView
  photos: readonly SharedFile[]
}) {
  const chosen = photos.filter((photo) => summary.photoFileIds.includes(photo.id))
  const total = summary.parts.reduce(
    (sum, part) => sum + part.quantity * part.estimatedCostCents,
    0,
  )
  return (
    <article className="space-y-5" data-testid="summary-document">
      {summary.urgency && (
        <p
          className={`inline-block rounded-lg border px-3 py-1 font-semibold ${urgencyStyles[summary.urgency]}`}
        >
          {urgencyLabels[summary.urgency]}
        </p>
      )}
      <Section title="What was found" text={summary.findings} />
      <Section title="Steps taken during the session" text={summary.stepsTaken} />
      <Section title="Recommended next steps" text={summary.recommendations} />
      {summary.parts.length > 0 && (
        <section>
          <h3 className="mb-2 font-semibold">Parts</h3>
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">
                Parts the mechanic recommends, with estimated costs
              </caption>
              <thead className="border-b border-slate-200 text-slate-600">
                <tr>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Part
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Quantity
                  </th>
                  <th scope="col" className="py-2 font-medium">
                    Estimated cost each
                  </th>
                </tr>
              </thead>
              <tbody>
                {summary.parts.map((part) => (
                  <tr
                    key={`${part.part}-${part.quantity}-${part.estimatedCostCents}`}
                    className="border-b border-slate-100"
                  >
                    <td className="py-2 pr-3">{part.part}</td>
                    <td className="py-2 pr-3">{part.quantity}</td>
                    <td className="py-2">{formatCents(part.estimatedCostCents)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={2} className="py-2 pr-3 text-right font-semibold">
                    Estimated total
                  </th>
                  <td className="py-2 font-semibold">{formatCents(total)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
          <p className="mt-1 text-xs text-slate-600">Estimates only; a shop's prices may differ.</p>
        </section>
      )}
      {chosen.length > 0 && (
        <section>
          <h3 className="mb-2 font-semibold">Photos</h3>
          <ul className="flex flex-wrap gap-3">
            {chosen.map((photo) => (
              <li key={photo.id} className="w-48">
                {/* biome-ignore lint/performance/noImgElement: signed, short-lived URLs the image optimiser cannot cache */}
                <img
                  src={`/api/files/${photo.id}?variant=${photo.hasThumbnail ? 'thumbnail' : 'original'}`}
                  alt={photo.name}
                  title={photo.name}
                  className="h-36 w-full rounded-lg border border-slate-200 object-cover"
                />
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  )
}

function Section({ title, text }: { title: string; text: string }) {
  if (text.trim() === '') return null
  return (
    <section>
      <h3 className="mb-1 font-semibold">{title}</h3>
      <p className="whitespace-pre-wrap text-slate-800">{text}</p>
    </section>
  )
}
