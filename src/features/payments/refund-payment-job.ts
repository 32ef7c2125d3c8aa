import { z } from 'zod'
import type { Transaction } from '@/db/client'
import { defineJob } from '@/features/jobs/define-job'
import { enqueueJob } from '@/features/jobs/enqueue-job'
import { enqueueRefundNotice } from './enqueue-payment-emails'
import { refundPayment } from './refund-payment'

export const refundPaymentJob = defineJob({
  kind: 'payment.refund',
  payload: z.object({ paymentId: z.uuid() }),
  run: ({ paymentId }) => refundPayment(paymentId),
})

/**
 * Queues the refund of a payment already marked for refund, in the transaction that marked it,
 * and the customer's refund notice with it: every refund decision passes through here.
 */
export async function enqueueRefund(tx: Transaction, paymentId: string): Promise<void> {
  await enqueueJob(tx, refundPaymentJob, { paymentId }, { key: `payment.refund:${paymentId}` })
  await enqueueRefundNotice(tx, paymentId)
}
