import { z } from 'zod'

export const MAX_MESSAGE_LENGTH = 4000

export const sendMessageSchema = z.object({
  sessionId: z.uuid(),
  clientId: z.string().min(1).max(64),
  body: z
    .string()
    .trim()
    .min(1, 'Type a message first')
    .max(
      MAX_MESSAGE_LENGTH,
      `Keep messages under ${MAX_MESSAGE_LENGTH.toLocaleString('en-US')} characters`,
    ),
})

export type SendMessageInput = z.infer<typeof sendMessageSchema>
