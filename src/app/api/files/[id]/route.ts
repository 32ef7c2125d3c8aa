import { getFileDownloadUrl } from '@/features/files/get-file-download-url'
import { downloadQuerySchema } from '@/features/files/schemas'
import { AppError } from '@/lib/errors'
import { apiRoute, idParams } from '@/server/api-route'

/** Redirects an allowed reader to a freshly signed URL (local route or presigned S3 GET). */
export const GET = apiRoute(
  { access: 'signed-in', params: idParams },
  async ({ user, params, req }) => {
    const query = downloadQuerySchema.safeParse(Object.fromEntries(new URL(req.url).searchParams))
    if (!query.success) throw new AppError('bad_request', 'Unknown variant or disposition')
    const { variant } = query.data
    const disposition =
      query.data.disposition ?? (variant === 'thumbnail' ? 'inline' : 'attachment')
    const { url } = await getFileDownloadUrl(user, { fileId: params.id, variant, disposition })
    return new Response(null, {
      status: 302,
      headers: { Location: url, 'Cache-Control': 'private, no-store' },
    })
  },
)
