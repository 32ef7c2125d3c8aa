import type { SharedFile } from '@/features/realtime/contract'
import { SharedFileCard } from './shared-file-card'

/** Every file of a session, for its page after (or during) the session. */
export function SessionFileList({ files }: { files: readonly SharedFile[] }) {
  if (files.length === 0) return <p className="text-sm text-slate-600">No files were shared.</p>
  return (
    <ul aria-label="Shared files" className="flex flex-wrap gap-3">
      {files.map((file) => (
        <li key={file.id} data-testid="session-file">
          <SharedFileCard file={file} />
          <p className="mt-1 px-1 text-xs text-slate-600">Shared by {file.uploaderName}</p>
        </li>
      ))}
    </ul>
  )
}
