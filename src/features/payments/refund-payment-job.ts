import { z } from 'zod'
import type { Transaction } from '@/db/client'
import { defineJob } from '@/features/jobs/define-job'
import { enqueueJob } from '@/features/jobs/enqueue-job'
import { refundPayment } from './refund-payment'

export const refundPaymentJob = defineJob({
  kind: 'payment.refund',
  payload: z.object({ paymentId: z.uuid() }),
  run: ({ paymentId }) => refundPayment(paymentId),
})

/** Queues the refund of a payment already marked for refund, in the transaction that marked it. */
export function enqueueRefund(tx: Transaction, paymentId: string): Promise<void> {
  return enqueueJob(tx, refundPaymentJob, { paymentId }, { key: `payment.refund:${paymentId}` })
}
