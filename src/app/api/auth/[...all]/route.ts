import { handleAuthRequest } from '@/features/auth/handle-auth-request'

export const GET = handleAuthRequest
export const POST = handleAuthRequest
