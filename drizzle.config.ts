import { defineConfig } from 'drizzle-kit'

// Generates the committed SQL migrations from the schema; they are applied at start.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema/index.ts',
  out: './src/db/migrations',
  casing: 'snake_case',
})
