import type { Metadata, Viewport } from 'next'
import type { ReactNode } from 'react'
import './globals.css'

export const metadata: Metadata = {
  title: { default: 'AutoDoctor', template: '%s · AutoDoctor' },
  description: 'Live, paid help from real mechanics over chat or video.',
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 }

// Every page is rendered per request, so its scripts carry that response's CSP nonce (a page
// prerendered at build time would have none and could not run).
export const dynamic = 'force-dynamic'

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  )
}
