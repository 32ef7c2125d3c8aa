import { z } from 'zod'
import { userText } from '@/lib/user-text'

export const specialtyOptions = [
  'Engine',
  'Transmission',
  'Brakes',
  'Electrical',
  'Diagnostics',
  'Suspension',
  'Air conditioning',
  'Hybrid and EV',
] as const

export const mechanicApplicationSchema = z.object({
  name: userText().min(1, 'Enter your name').max(100),
  email: z.email('Enter a valid email address').max(254),
  password: z.string().min(8, 'Use at least 8 characters').max(128),
  yearsExperience: z.coerce
    .number()
    .int('Whole years only')
    .min(0, 'Cannot be negative')
    .max(70, 'That is more than 70 years'),
  specialties: z
    .array(z.enum(specialtyOptions))
    .min(1, 'Pick at least one specialty')
    .max(specialtyOptions.length),
})

export type MechanicApplication = z.infer<typeof mechanicApplicationSchema>
