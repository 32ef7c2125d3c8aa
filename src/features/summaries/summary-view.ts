import type { SummaryPart, Urgency } from './urgencies'

/** The summary as pages, routes and the email see it; never the raw row. */
export type SummaryView = {
  sessionId: string
  findings: string
  stepsTaken: string
  recommendations: string
  urgency: Urgency | null
  parts: SummaryPart[]
  photoFileIds: string[]
  updatedAt: string
  /** Null while it is a draft. */
  submittedAt: string | null
}

export const urgencyLabels: Record<Urgency, string> = {
  safe_to_drive: 'Safe to drive',
  fix_soon: 'Fix soon',
  stop_driving: 'Stop driving',
}

export function formatCents(cents: number): string {
  return `$${(cents / 100).toFixed(2)}`
}
