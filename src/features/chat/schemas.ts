import { z } from 'zod'
import { storableText, userText } from '@/lib/user-text'

export const MAX_MESSAGE_LENGTH = 4000

export const sendMessageSchema = z.object({
  sessionId: z.uuid(),
  clientId: storableText().min(1).max(64),
  body: userText()
    .min(1, 'Type a message first')
    .max(
      MAX_MESSAGE_LENGTH,
      `Keep messages under ${MAX_MESSAGE_LENGTH.toLocaleString('en-US')} characters`,
    ),
})

export type SendMessageInput = z.infer<typeof sendMessageSchema>
