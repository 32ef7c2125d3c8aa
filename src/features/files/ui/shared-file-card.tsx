import { Download, File, FileAudio, FileText, FileVideo } from 'lucide-react'
import type { SharedFile } from '@/features/realtime/contract'
import { formatBytes } from './accepted-files'

const kindLabels: Record<SharedFile['kind'], string> = {
  image: 'Photo',
  pdf: 'PDF document',
  text: 'Text file',
  video: 'Video',
  audio: 'Audio',
}

const kindIcons = { image: File, pdf: FileText, text: FileText, video: FileVideo, audio: FileAudio }

/**
 * One shared file: a photo as a thumbnail that opens full size, anything else as a card with its
 * name, kind, size and Download. Every link asks `/api/files/{id}`, which checks who is asking and
 * redirects to a freshly signed URL.
 */
export function SharedFileCard({ file }: { file: SharedFile }) {
  const base = `/api/files/${file.id}`
  const Icon = kindIcons[file.kind]
  return (
    <figure className="w-72 max-w-full sm:w-80 overflow-hidden rounded-xl border border-slate-200 bg-white text-slate-900 shadow-sm">
      {file.hasThumbnail && (
        <a
          href={`${base}?disposition=inline`}
          target="_blank"
          rel="noopener"
          className="block bg-slate-100"
          aria-label={`Open ${file.name} full size`}
        >
          {/* A thumbnail behind a redirect to a signed URL: next/image cannot optimise it. */}
          {/* biome-ignore lint/performance/noImgElement: see above */}
          <img
            src={`${base}?variant=thumbnail`}
            alt={`Photo: ${file.name}`}
            width={file.width ?? undefined}
            height={file.height ?? undefined}
            loading="lazy"
            className="h-auto max-h-64 w-full object-contain"
          />
        </a>
      )}
      <figcaption className="flex items-center gap-3 px-3 py-2">
        {!file.hasThumbnail && <Icon aria-hidden className="size-8 shrink-0 text-slate-500" />}
        <div className="min-w-0 flex-1">
          <p className="truncate text-sm font-semibold" title={file.name}>
            {file.name}
          </p>
          <p className="text-xs text-slate-600">
            {kindLabels[file.kind]} · {formatBytes(file.sizeBytes)}
          </p>
        </div>
        <a
          href={base}
          download={file.name}
          className="inline-flex min-h-11 min-w-11 items-center justify-center gap-1 rounded-lg px-2 text-sm font-semibold text-blue-700 hover:bg-blue-50"
          aria-label={`Download ${file.name}`}
        >
          <Download aria-hidden className="size-4" />
          <span className="sr-only sm:not-sr-only">Download</span>
        </a>
      </figcaption>
    </figure>
  )
}
