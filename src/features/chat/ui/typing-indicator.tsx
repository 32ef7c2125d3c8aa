/** "Morgan is typing…"; the line keeps its height so the messages above do not jump. */
export function TypingIndicator({ names }: { names: readonly string[] }) {
  const text =
    names.length === 0 ? '' : `${names.join(' and ')} ${names.length === 1 ? 'is' : 'are'} typing…`
  return (
    <p aria-live="polite" className="h-6 px-4 text-sm italic text-slate-500">
      {text}
    </p>
  )
}
