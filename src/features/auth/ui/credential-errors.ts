import { z } from 'zod'

/**
 * What each sign-up, sign-in and application field needs, in the words shown beside it. The
 * browser checks these before sending, so people never see the server's field paths
 * ("[body.email] Invalid email address"); the server still checks everything itself.
 */
export type CredentialField = 'name' | 'email' | 'password' | 'yearsExperience'
export type CredentialErrors = Partial<Record<CredentialField, string>>

export const PASSWORD_MIN = 8

const messages = {
  name: 'Enter your name.',
  email: 'Enter an email address like name@example.com.',
  emailEmpty: 'Enter your email address.',
  password: `Use a password of at least ${PASSWORD_MIN} characters.`,
  passwordEmpty: 'Enter your password.',
  yearsExperience: 'Enter your years of experience, from 0 to 70.',
} as const

const email = z.email()

function emailError(value: string, { empty }: { empty: string }): string | undefined {
  if (value.trim() === '') return empty
  return email.safeParse(value.trim()).success ? undefined : messages.email
}

/** For forms that create an account: name, email and a new password. */
export function newAccountErrors(values: {
  name: string
  email: string
  password: string
}): CredentialErrors {
  const errors: CredentialErrors = {}
  if (values.name.trim() === '') errors.name = messages.name
  const emailProblem = emailError(values.email, { empty: messages.email })
  if (emailProblem) errors.email = emailProblem
  if (values.password.length < PASSWORD_MIN) errors.password = messages.password
  return errors
}

/** For the sign-in form: only that both are there and the email looks like one. */
export function signInErrors(values: { email: string; password: string }): CredentialErrors {
  const errors: CredentialErrors = {}
  const emailProblem = emailError(values.email, { empty: messages.emailEmpty })
  if (emailProblem) errors.email = emailProblem
  if (values.password === '') errors.password = messages.passwordEmpty
  return errors
}

/** Years of experience as the application form takes them: a whole number from 0 to 70. */
export function yearsExperienceError(value: string): string | undefined {
  const years = Number(value)
  return value.trim() === '' || !Number.isInteger(years) || years < 0 || years > 70
    ? messages.yearsExperience
    : undefined
}

/** Moves focus to the first field with a problem, in the order the form shows them. */
export function focusFirstError(errors: CredentialErrors, order: readonly CredentialField[]): void {
  const first = order.find((field) => errors[field])
  if (first) document.getElementById(first)?.focus()
}
