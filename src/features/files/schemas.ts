import { z } from 'zod'

export const variantSchema = z.enum(['original', 'thumbnail'])
export const dispositionSchema = z.enum(['attachment', 'inline'])

/** `GET /api/files/:id`: which object, and whether to download it or show it. */
export const downloadQuerySchema = z.object({
  variant: variantSchema.default('original'),
  disposition: dispositionSchema.optional(),
})

/** The query of a local signed URL: anything missing or malformed is a link that is not valid. */
export const signedQuerySchema = z.object({
  variant: variantSchema,
  disposition: dispositionSchema,
  expires: z.coerce.number().int().positive(),
  signature: z.string().min(1).max(200),
})
