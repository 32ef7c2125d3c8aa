/** One short email: a greeting, paragraphs of plain text and at most one link. */
export type EmailContent = {
  greeting: string
  paragraphs: readonly string[]
  link?: { label: string; url: string }
}

const htmlEscapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Every piece of text in the HTML part goes through here; names and concerns are user text. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => htmlEscapes[character] ?? character)
}

/** The plain-text part and a simple HTML part with the same words. */
export function renderEmail(content: EmailContent): { text: string; html: string } {
  const textParts = [content.greeting, ...content.paragraphs]
  if (content.link) textParts.push(`${content.link.label}: ${content.link.url}`)
  const htmlParts = [content.greeting, ...content.paragraphs].map(
    (paragraph) => `<p>${escapeHtml(paragraph)}</p>`,
  )
  if (content.link) {
    htmlParts.push(
      `<p><a href="${escapeHtml(content.link.url)}">${escapeHtml(content.link.label)}</a></p>`,
    )
  }
  return {
    text: `${textParts.join('\n\n')}\n\n— AutoDoctor\n`,
    html: `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">${htmlParts.join('')}<p>— AutoDoctor</p></body></html>`,
  }
}
