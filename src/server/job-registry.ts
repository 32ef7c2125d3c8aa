import { sweepOrphanObjectsJob } from '@/features/files/sweep-orphan-objects-job'
import type { JobRegistry } from '@/features/jobs/run-due-jobs'
import { sendEmailJob } from '@/features/mail/send-email-job'
import { refundPaymentJob } from '@/features/payments/refund-payment-job'
import { sendSummaryEmailJob } from '@/features/summaries/send-summary-email-job'

/** Every kind of job the worker runs. A new side effect adds its definition here. */
export const jobRegistry: JobRegistry = [
  refundPaymentJob,
  sendEmailJob,
  sendSummaryEmailJob,
  sweepOrphanObjectsJob,
]
