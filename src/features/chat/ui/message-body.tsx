import { linkify } from './linkify'

/**
 * A message's text with its http(s) addresses as links. React escapes the text; links open in a
 * new tab without handing the room page to the site (noopener), leaking the room's address
 * (noreferrer) or vouching for the site (nofollow).
 */
export function MessageBody({ body, own }: { body: string; own: boolean }) {
  return (
    <p className="whitespace-pre-wrap [overflow-wrap:anywhere]">
      {linkify(body).map((part, index) =>
        part.kind === 'text' ? (
          part.text
        ) : (
          <a
            // Parts never move: the message's text does not change.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            key={index}
            href={part.href}
            target="_blank"
            rel="noopener noreferrer nofollow"
            className={`underline underline-offset-2 ${own ? 'text-white' : 'text-blue-800'}`}
          >
            {part.text}
          </a>
        ),
      )}
    </p>
  )
}
