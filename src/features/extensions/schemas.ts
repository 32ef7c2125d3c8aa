import { z } from 'zod'
import { type ExtensionOptionId, extensionOptions } from '@/features/catalogue/catalogue'

const optionIds = Object.keys(extensionOptions) as [ExtensionOptionId, ...ExtensionOptionId[]]

/** The client names an option; minutes and price come from the server's table. */
export const extensionRequestSchema = z.object({
  option: z.enum(optionIds, { message: `option must be one of ${optionIds.join(', ')}` }),
})

export type ExtensionDetails = { option: ExtensionOptionId; minutes: number }
