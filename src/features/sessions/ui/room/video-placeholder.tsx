import { Video } from 'lucide-react'

/** Where the call will be shown once video calling ships; says so plainly instead of faking it. */
export function VideoPlaceholder({ otherName }: { otherName: string }) {
  return (
    <section
      aria-labelledby="video-area-title"
      data-testid="video-area"
      className="flex shrink-0 items-center gap-3 rounded-xl border-2 border-dashed border-slate-300 bg-slate-100 p-4 text-slate-700 lg:min-h-0 lg:flex-1 lg:flex-col lg:justify-center lg:p-8 lg:text-center"
    >
      <Video aria-hidden className="size-8 shrink-0 text-slate-500 lg:size-12" />
      <div>
        <h2 id="video-area-title" className="font-semibold text-slate-900">
          Video
        </h2>
        <p className="text-sm lg:mt-1 lg:max-w-sm">
          Video calling will appear here. Until then, talk with {otherName} in the chat.
        </p>
      </div>
    </section>
  )
}
