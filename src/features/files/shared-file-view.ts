import type { sessionFiles } from '@/db/schema'
import type { SharedFile } from '@/features/realtime/contract'

type FileRow = Pick<
  typeof sessionFiles.$inferSelect,
  | 'id'
  | 'sessionId'
  | 'uploaderId'
  | 'name'
  | 'kind'
  | 'contentType'
  | 'sizeBytes'
  | 'thumbnailKey'
  | 'width'
  | 'height'
  | 'createdAt'
>

/** The wire DTO of a file: no storage keys, no hash, no URLs (those are minted per request). */
export function sharedFileView(row: FileRow, uploaderName: string): SharedFile {
  return {
    id: row.id,
    sessionId: row.sessionId,
    uploaderId: row.uploaderId,
    uploaderName,
    name: row.name,
    kind: row.kind,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    hasThumbnail: row.thumbnailKey !== null,
    width: row.width,
    height: row.height,
    createdAt: row.createdAt.toISOString(),
  }
}
