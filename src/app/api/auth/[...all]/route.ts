import { handleAuthRequest } from '@/features/auth/handle-auth-request'
import { disconnectSignIn } from '@/features/realtime/publish'

const hooks = { onSignedOut: disconnectSignIn }

export const GET = (req: Request) => handleAuthRequest(req, hooks)
export const POST = (req: Request) => handleAuthRequest(req, hooks)
