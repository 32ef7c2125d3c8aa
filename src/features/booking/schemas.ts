import { z } from 'zod'
import { planIds } from '@/features/catalogue/catalogue'
import { userText } from '@/lib/user-text'

const thisYear = new Date().getUTCFullYear()

export const bookingSchema = z.object({
  plan: z.enum(planIds as [string, ...string[]], { message: 'Pick a plan' }),
  vehicle: z.object({
    year: z.coerce
      .number({ message: 'Enter the model year' })
      .int('Enter a year like 2018')
      .min(1950, 'Enter a year from 1950 on')
      .max(thisYear + 1, `Enter a year up to ${thisYear + 1}`),
    make: userText().min(1, 'Enter the make').max(50, 'Keep the make under 50 characters'),
    model: userText().min(1, 'Enter the model').max(50, 'Keep the model under 50 characters'),
  }),
  concern: userText()
    .min(1, 'Describe the problem')
    .max(2000, 'Keep the description under 2,000 characters'),
})

export type BookingInput = z.infer<typeof bookingSchema>

export type BookingDetails = {
  plan: string
  vehicle: { year: number; make: string; model: string }
  concern: string
}
