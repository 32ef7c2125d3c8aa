/**
 * A participant's name with whether they are in the room: a filled or hollow dot (not colour
 * alone), and words for screen readers.
 */
export function PresenceName({ name, present }: { name: string; present: boolean | null }) {
  const label = present === null ? 'checking' : present ? 'in the room' : 'not in the room'
  return (
    <span className="inline-flex min-w-0 items-center gap-1.5" data-testid="presence">
      <span
        aria-hidden
        className={`size-2.5 shrink-0 rounded-full ${
          present ? 'bg-green-500' : present === null ? 'bg-slate-300' : 'border-2 border-slate-400'
        }`}
      />
      <span className="truncate font-medium text-slate-800">{name}</span>
      <span className="sr-only">({label})</span>
    </span>
  )
}
