import type { Metadata } from 'next'
import Link from 'next/link'
import { PolicyPage } from '@/components/policy-page'

export const metadata: Metadata = { title: 'Terms of service' }

export default function TermsPage() {
  return (
    <PolicyPage title="Terms of service">
      <p>
        AutoDoctor connects car owners with independent mechanics for live help over text chat, with
        photos and short clips (video calling is coming soon). Help is paid by the session: you pick
        a plan, pay its price up front, and the clock runs only while you and the mechanic are both
        in the room.
      </p>
      <h2>What a session is</h2>
      <p>
        Advice given remotely, based on what you describe and show. A mechanic cannot inspect or
        repair your vehicle; decide on repairs with a workshop you trust.
      </p>
      <h2>Your account</h2>
      <p>
        Keep your password to yourself and be respectful in the room. Mechanics are approved by our
        team before they can take requests. Support staff may watch a session to keep it safe and
        working.
      </p>
      <h2>Payments and refunds</h2>
      <p>
        Prices are shown before you pay and never change after. Extra time is bought separately.
        When money comes back is described in the <Link href="/refunds">refund policy</Link>.
      </p>
    </PolicyPage>
  )
}
