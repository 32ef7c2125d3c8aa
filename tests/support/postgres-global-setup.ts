import type { TestProject } from 'vitest/node'
import { createTestDatabase } from './postgres'

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string
  }
}

/** One fresh database for the whole run; test files share it and keep to their own users. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const database = await createTestDatabase()
  project.provide('databaseUrl', database.url)
  return () => database.drop()
}
