import type { Metadata } from 'next'
import { PolicyPage } from '@/components/policy-page'

export const metadata: Metadata = { title: 'Privacy' }

export default function PrivacyPage() {
  return (
    <PolicyPage title="Privacy">
      <p>What we keep, and why:</p>
      <ul className="space-y-2">
        <li>
          <strong>Your account:</strong> name, email and a hashed password, to sign you in and email
          you about your sessions.
        </li>
        <li>
          <strong>Your requests and sessions:</strong> the vehicle, your description, the chat, the
          files shared in the room and what happened when, so both of you can look back at them and
          support can help if something goes wrong.
        </li>
        <li>
          <strong>Payments:</strong> amounts and refunds. Card details are entered on the payment
          provider's page and never reach us.
        </li>
      </ul>
      <p>
        Only the customer and the mechanic of a session, and our support staff, can see it. Files
        are downloaded through links that expire. We use cookies only to keep you signed in.
      </p>
    </PolicyPage>
  )
}
