import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib'
import { formatCents, type SummaryView, urgencyLabels } from './summary-view'

export type SummaryPdfInput = {
  summary: SummaryView
  vehicle: string
  mechanicName: string
  customerName: string
  sessionDate: string
  sessionUrl: string
  photoNames: string[]
}

const PAGE = { width: 612, height: 792, margin: 56 }

/**
 * The standard PDF fonts only know Latin-1; anything else (emoji, other scripts) becomes "?"
 * rather than failing the whole email. The page on the site shows the text exactly.
 */
function pdfSafe(text: string): string {
  return text.replace(/\t/g, '    ').replace(/[^\x20-\x7e\xa0-\xff\n]/g, '?')
}

/** The summary as a one-or-more-page PDF, laid out like the page that prints it. */
export async function renderSummaryPdf(input: SummaryPdfInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  doc.setTitle(`Session summary: ${pdfSafe(input.vehicle)}`)
  doc.setCreator('AutoDoctor')
  const regular = await doc.embedFont(StandardFonts.Helvetica)
  const bold = await doc.embedFont(StandardFonts.HelveticaBold)
  const writer = pageWriter(doc, regular, bold)
  const { summary } = input

  writer.line('AutoDoctor session summary', { font: bold, size: 18 })
  writer.line(`${input.vehicle} · ${input.sessionDate}`, { size: 11 })
  writer.line(`Mechanic: ${input.mechanicName} · Customer: ${input.customerName}`, { size: 11 })
  writer.gap(10)
  if (summary.urgency) {
    writer.line(`Urgency: ${urgencyLabels[summary.urgency]}`, { font: bold, size: 13 })
    writer.gap(6)
  }
  writer.section('What was found', summary.findings)
  writer.section('Steps taken during the session', summary.stepsTaken)
  writer.section('Recommended next steps', summary.recommendations)
  if (summary.parts.length > 0) {
    writer.heading('Parts')
    const total = summary.parts.reduce(
      (sum, part) => sum + part.quantity * part.estimatedCostCents,
      0,
    )
    for (const part of summary.parts) {
      writer.paragraph(
        `${part.quantity} × ${part.part}: about ${formatCents(part.estimatedCostCents)} each`,
      )
    }
    writer.paragraph(`Estimated total: ${formatCents(total)}`, bold)
    writer.gap(8)
  }
  if (input.photoNames.length > 0) {
    writer.section('Photos (on the session page)', input.photoNames.join('\n'))
  }
  writer.gap(8)
  writer.paragraph(`See it online: ${input.sessionUrl}`)
  return doc.save()
}

function pageWriter(doc: PDFDocument, regular: PDFFont, bold: PDFFont) {
  let page: PDFPage = doc.addPage([PAGE.width, PAGE.height])
  let y = PAGE.height - PAGE.margin
  const maxWidth = PAGE.width - 2 * PAGE.margin

  function ensureRoom(height: number) {
    if (y - height >= PAGE.margin) return
    page = doc.addPage([PAGE.width, PAGE.height])
    y = PAGE.height - PAGE.margin
  }

  function line(text: string, { font = regular, size = 11 }: { font?: PDFFont; size?: number }) {
    for (const wrapped of wrap(pdfSafe(text), font, size, maxWidth)) {
      ensureRoom(size * 1.4)
      y -= size * 1.4
      page.drawText(wrapped, { x: PAGE.margin, y, size, font, color: rgb(0.1, 0.12, 0.16) })
    }
  }

  const paragraph = (text: string, font: PDFFont = regular) => {
    for (const piece of text.split('\n')) line(piece, { font })
  }
  const gap = (height: number) => {
    y -= height
  }
  const heading = (text: string) => line(text, { font: bold, size: 13 })
  const section = (title: string, body: string) => {
    if (body.trim() === '') return
    heading(title)
    paragraph(body)
    gap(8)
  }
  return { line, paragraph, gap, heading, section }
}

function wrap(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  if (text === '') return ['']
  const lines: string[] = []
  let current = ''
  for (const word of text.split(' ')) {
    const candidate = current === '' ? word : `${current} ${word}`
    if (font.widthOfTextAtSize(candidate, size) <= maxWidth) {
      current = candidate
      continue
    }
    if (current !== '') lines.push(current)
    // A word longer than the line (a URL) is cut where it must be.
    let rest = word
    while (font.widthOfTextAtSize(rest, size) > maxWidth) {
      let cut = rest.length - 1
      while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > maxWidth) cut--
      lines.push(rest.slice(0, cut))
      rest = rest.slice(cut)
    }
    current = rest
  }
  lines.push(current)
  return lines
}
