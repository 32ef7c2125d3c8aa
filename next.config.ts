import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Loaded by Node as they are: native/wasm pieces and things the custom server also holds.
  serverExternalPackages: [
    '@electric-sql/pglite',
    'pg',
    'pino',
    'socket.io',
    '@socket.io/postgres-adapter',
  ],
  // `npm run typecheck` checks types once for the whole repo; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
}

export default nextConfig
