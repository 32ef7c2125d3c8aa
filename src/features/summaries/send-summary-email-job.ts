import { eq, inArray } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { z } from 'zod'
import type { Transaction } from '@/db/client'
import { sessionFiles, sessions, users } from '@/db/schema'
import { plans } from '@/features/catalogue/catalogue'
import { defineJob } from '@/features/jobs/define-job'
import { enqueueJob } from '@/features/jobs/enqueue-job'
import { mailer } from '@/features/mail/mailer'
import { renderEmail } from '@/features/mail/render-email'
import { getContext } from '@/server/context'
import { getSummaryOfSession } from './get-summary'
import { renderSummaryPdf } from './render-summary-pdf'
import { formatCents, urgencyLabels } from './summary-view'

const mechanicUsers = alias(users, 'summary_mechanic_users')

/**
 * The summary email carries only the session id: the job reads the sent summary and makes the
 * PDF when it runs, so the job row stays small and a retry sends the same words.
 */
export const sendSummaryEmailJob = defineJob({
  kind: 'summary.email',
  payload: z.object({ sessionId: z.uuid() }),
  run: async ({ sessionId }) => {
    const db = getContext().database.db
    const summary = await getSummaryOfSession(sessionId)
    const [session] = await db
      .select({
        plan: sessions.plan,
        year: sessions.vehicleYear,
        make: sessions.vehicleMake,
        model: sessions.vehicleModel,
        startedAt: sessions.startedAt,
        customerEmail: users.email,
        customerName: users.name,
        mechanicName: mechanicUsers.name,
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.customerId))
      .leftJoin(mechanicUsers, eq(mechanicUsers.id, sessions.mechanicId))
      .where(eq(sessions.id, sessionId))
    // Nothing sent, nothing to do (cannot happen through the routes; a job never fails forever).
    if (!summary?.submittedAt || !session) return
    const photos = summary.photoFileIds.length
      ? await db
          .select({ name: sessionFiles.name })
          .from(sessionFiles)
          .where(inArray(sessionFiles.id, summary.photoFileIds))
      : []
    const vehicle = `${session.year} ${session.make} ${session.model}`
    const mechanicName = session.mechanicName ?? 'Your mechanic'
    const sessionUrl = new URL(`/sessions/${sessionId}`, getContext().env.appUrl).toString()
    const pdf = await renderSummaryPdf({
      summary,
      vehicle,
      mechanicName,
      customerName: session.customerName,
      sessionDate: (session.startedAt ?? new Date()).toISOString().slice(0, 10),
      sessionUrl,
      photoNames: photos.map((photo) => photo.name),
    })
    const paragraphs = [
      `${mechanicName} has written the summary of your ${plans[session.plan].label.toLowerCase()} session about your ${vehicle}. It is attached as a PDF.`,
    ]
    if (summary.urgency) paragraphs.push(`Urgency: ${urgencyLabels[summary.urgency]}.`)
    paragraphs.push(`What was found: ${summary.findings}`)
    paragraphs.push(`Recommended next steps: ${summary.recommendations}`)
    if (summary.parts.length > 0) {
      paragraphs.push(
        `Parts: ${summary.parts
          .map(
            (part) =>
              `${part.quantity} × ${part.part} (about ${formatCents(part.estimatedCostCents)} each)`,
          )
          .join('; ')}.`,
      )
    }
    paragraphs.push('You can read it, print it and rate the session on its page.')
    await mailer().send({
      key: `summary:${sessionId}`,
      to: session.customerEmail,
      subject: `Your session summary: ${vehicle}`,
      ...renderEmail({
        greeting: `Hello ${session.customerName},`,
        paragraphs,
        link: { label: 'Open your session summary', url: sessionUrl },
      }),
      attachments: [
        {
          filename: `autodoctor-summary-${sessionId.slice(0, 8)}.pdf`,
          contentType: 'application/pdf',
          content: pdf,
        },
      ],
    })
  },
})

/** One summary email per session, whatever happens: the job key is the session's. */
export async function enqueueSummaryEmail(tx: Transaction, sessionId: string): Promise<void> {
  await enqueueJob(tx, sendSummaryEmailJob, { sessionId }, { key: `mail:summary:${sessionId}` })
}
