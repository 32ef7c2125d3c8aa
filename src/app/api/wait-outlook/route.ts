import { getWaitOutlook } from '@/features/sessions/get-wait-outlook'
import { apiRoute } from '@/server/api-route'

// Asked again every few seconds by the dashboard of a customer whose request is waiting.
export const GET = apiRoute({ access: 'customer' }, async () => getWaitOutlook())
