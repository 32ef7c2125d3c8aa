/** One short email: a greeting, paragraphs of plain text, optional facts and at most one link. */
export type EmailContent = {
  greeting: string
  paragraphs: readonly string[]
  /** Label and value pairs shown as a small table (a receipt's plan, amount and time). */
  details?: readonly { label: string; value: string }[]
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

// The app's look in inline styles: mail clients drop <style> blocks and external sheets.
const fontStack = 'ui-sans-serif,system-ui,-apple-system,Segoe UI,Roboto,sans-serif'
const ink = '#0f172a'
const muted = '#475569'
const accent = '#1d4ed8'

/** The plain-text part and an HTML part with the same words. */
export function renderEmail(content: EmailContent): { text: string; html: string } {
  const textParts = [content.greeting, ...content.paragraphs]
  if (content.details?.length) {
    textParts.push(content.details.map(({ label, value }) => `${label}: ${value}`).join('\n'))
  }
  if (content.link) textParts.push(`${content.link.label}: ${content.link.url}`)

  const htmlParts = [content.greeting, ...content.paragraphs].map(
    (paragraph) => `<p style="margin:0 0 16px">${escapeHtml(paragraph)}</p>`,
  )
  if (content.details?.length) {
    const rows = content.details
      .map(
        ({ label, value }) =>
          `<tr><th scope="row" style="text-align:left;padding:4px 16px 4px 0;color:${muted};font-weight:normal">${escapeHtml(label)}</th><td style="padding:4px 0">${escapeHtml(value)}</td></tr>`,
      )
      .join('')
    htmlParts.push(
      `<table role="presentation" style="margin:0 0 16px;border-collapse:collapse">${rows}</table>`,
    )
  }
  if (content.link) {
    htmlParts.push(
      `<p style="margin:0 0 16px"><a href="${escapeHtml(content.link.url)}" style="display:inline-block;background:${accent};color:#ffffff;padding:10px 16px;border-radius:6px;text-decoration:none">${escapeHtml(content.link.label)}</a></p>`,
    )
  }
  return {
    text: `${textParts.join('\n\n')}\n\n— AutoDoctor\n`,
    html: `<!doctype html><html lang="en"><body style="margin:0;padding:24px;background:#f8fafc;font-family:${fontStack};line-height:1.5;color:${ink}"><div style="max-width:560px;margin:0 auto;background:#ffffff;border:1px solid #e2e8f0;border-radius:8px;padding:24px"><p style="margin:0 0 16px;font-weight:600">AutoDoctor</p>${htmlParts.join('')}<p style="margin:0;color:${muted}">— AutoDoctor</p></div></body></html>`,
  }
}
