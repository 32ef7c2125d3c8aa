/**
 * The catalogue: every plan and extension option with its minutes and price, and how a price is
 * shown. Amounts are decided here on the server; the client sends a plan or option id, never an
 * amount. Pure data, so server and client components render the same text.
 */
export const plans = {
  chat: { id: 'chat', label: 'Chat', type: 'chat', minutes: 30, priceCents: 999 },
  video: { id: 'video', label: 'Video', type: 'video', minutes: 45, priceCents: 2999 },
  diagnostic: {
    id: 'diagnostic',
    label: 'Diagnostic',
    type: 'video',
    minutes: 60,
    priceCents: 4999,
  },
} as const

export type PlanId = keyof typeof plans
export type SessionType = (typeof plans)[PlanId]['type']
export const planIds = Object.keys(plans) as PlanId[]

/**
 * How a session of this type is delivered today, in the words every page uses: video plans are a
 * 1:1 video call beside the chat (with files). No page may promise more.
 */
export function deliveryLabel(type: SessionType): string {
  return type === 'chat' ? 'text chat' : '1:1 video call, with chat, photos and clips'
}

export const extensionOptions = {
  '15': { id: '15', minutes: 15, priceCents: 1499 },
  '30': { id: '30', minutes: 30, priceCents: 2499 },
  '60': { id: '60', minutes: 60, priceCents: 3999 },
} as const

export type ExtensionOptionId = keyof typeof extensionOptions

/** "$24.99": the one way a price or an amount paid is shown. */
export function formatPrice(cents: number): string {
  return `$${(cents / 100).toFixed(2)}`
}
