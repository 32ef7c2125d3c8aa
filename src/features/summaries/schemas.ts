import { z } from 'zod'
import { storableText, userText } from '@/lib/user-text'
import { urgencies } from './urgencies'

const part = z.object({
  part: userText().min(1).max(200),
  quantity: z.number().int().min(1).max(999),
  /** What the part may cost, in cents; the mechanic's estimate, never charged. */
  estimatedCostCents: z.number().int().min(0).max(10_000_000),
})

/** A draft: anything may still be empty, as the mechanic is typing. */
export const summaryDraftSchema = z.object({
  findings: storableText().max(10_000),
  stepsTaken: storableText().max(10_000),
  recommendations: storableText().max(10_000),
  urgency: z.enum(urgencies).nullable(),
  parts: z.array(part).max(50),
  photoFileIds: z.array(z.uuid()).max(20),
})
export type SummaryDraftInput = z.infer<typeof summaryDraftSchema>

/** What is sent: the same fields, with the parts a customer cannot do without filled in. */
export const summarySubmitSchema = summaryDraftSchema.extend({
  findings: userText().min(1, 'Write what you found').max(10_000),
  recommendations: userText().min(1, 'Write the recommended next steps').max(10_000),
  urgency: z.enum(urgencies, { error: 'Choose how urgent the next steps are' }),
})
export type SummarySubmitInput = z.infer<typeof summarySubmitSchema>

export const ratingSchema = z.object({
  stars: z.number().int().min(1).max(5),
  comment: userText().max(2000).optional(),
})
export type RatingInput = z.infer<typeof ratingSchema>
