/** What each monitor condition means, in the admins' words. */
export const conditionLabels: Record<string, string> = {
  start_nudge: 'Accepted, not started: mechanic nudged',
  waiting_stuck: 'Waiting for the second participant',
  not_started_released: 'Never started: released and refunded',
  max_duration: 'Ended at the maximum length',
  checkout_unconfirmed: 'Paid, but the payment webhook never came',
}

export function conditionLabel(condition: string): string {
  return conditionLabels[condition] ?? condition.replaceAll('_', ' ')
}

/** Short column names for a run's counts. */
export const conditionShortLabels: Record<string, string> = {
  start_nudge: 'nudged',
  waiting_stuck: 'waiting',
  not_started_released: 'released',
  max_duration: 'ended',
  checkout_unconfirmed: 'checkouts',
}
