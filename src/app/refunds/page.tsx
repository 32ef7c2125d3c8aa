import type { Metadata } from 'next'
import { PolicyPage } from '@/components/policy-page'

export const metadata: Metadata = { title: 'Refund policy' }

// Each rule here is one the server applies by itself; no one has to ask.
export default function RefundPolicyPage() {
  return (
    <PolicyPage title="Refund policy">
      <p>You pay before a mechanic is found. These refunds happen by themselves:</p>
      <ul className="space-y-2">
        <li>
          <strong>No mechanic accepts within 15 minutes:</strong> the request expires and the full
          price is refunded automatically.
        </li>
        <li>
          <strong>You cancel while we are still finding a mechanic:</strong> the full price is
          refunded.
        </li>
        <li>
          <strong>The session ends before the clock starts, or within its first minute:</strong> it
          is cancelled and the full price is refunded.
        </li>
        <li>
          <strong>Extra time the clock never reached</strong> is refunded when the session ends
          early, whoever ends it, or reaches its maximum length: each extension whose minutes were
          not started at all. An extension the clock had started on is kept, and time left on the
          plan itself is not refunded. The End Session dialog says which before you confirm.
        </li>
      </ul>
      <p>
        A session that ran for more than a minute is complete and is not refunded. Refunds go back
        to the card you paid with; your dashboard shows each one.
      </p>
    </PolicyPage>
  )
}
