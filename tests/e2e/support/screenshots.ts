import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Page } from '@playwright/test'

/** Full-page screenshots for looking over the pages by eye; kept outside the repository. */
export const screenshotDir = path.join(tmpdir(), 'autodoctor-screenshots')

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true })
}
