/** How soon the recommended next steps must happen; the DB CHECK is generated from this list. */
export const urgencies = ['safe_to_drive', 'fix_soon', 'stop_driving'] as const
export type Urgency = (typeof urgencies)[number]

export type SummaryPart = { part: string; quantity: number; estimatedCostCents: number }
