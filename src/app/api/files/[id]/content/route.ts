import { readSignedDownload } from '@/features/files/read-signed-download'
import { signedQuerySchema } from '@/features/files/schemas'
import { AppError } from '@/lib/errors'
import { apiRoute, idParams } from '@/server/api-route'

/** A local signed download URL: the signature is the permission, until it expires. */
export const GET = apiRoute({ access: 'public', params: idParams }, async ({ params, req }) => {
  const query = signedQuerySchema.safeParse(Object.fromEntries(new URL(req.url).searchParams))
  if (!query.success) throw new AppError('forbidden', 'This download link is not valid')
  return readSignedDownload({ fileId: params.id, ...query.data })
})
