import { FileCheck2, PenLine } from 'lucide-react'
import Link from 'next/link'

/** The customer's mark beside a session whose summary has arrived. */
export function SummaryReadyMark({ sessionId }: { sessionId: string }) {
  return (
    <Link
      href={`/sessions/${sessionId}`}
      data-testid="summary-ready"
      className="inline-flex items-center gap-1 rounded-full bg-green-100 px-2 py-0.5 text-xs font-semibold text-green-900 underline-offset-2 hover:underline"
    >
      <FileCheck2 aria-hidden className="size-3.5" />
      Summary ready
    </Link>
  )
}

/** The mechanic's mark beside an ended session still waiting for its summary. */
export function SummaryDueMark({ sessionId }: { sessionId: string }) {
  return (
    <Link
      href={`/sessions/${sessionId}/summary`}
      data-testid="summary-due"
      className="inline-flex items-center gap-1 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900 underline-offset-2 hover:underline"
    >
      <PenLine aria-hidden className="size-3.5" />
      Summary due
    </Link>
  )
}
