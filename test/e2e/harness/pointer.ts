/** Moving the real pointer in a test page. */
import { expect } from 'vitest'
import type { TestPage } from './browsers.ts'
import { wordCenter } from './page-helpers.ts'

/** Moves the pointer onto the first `word` (under `root`), coming from above left as a reader's hand would. */
export async function hoverWord(page: TestPage, word: string, root?: string): Promise<void> {
  const point = await page.evaluate(wordCenter, { word, ...(root ? { root } : {}) })
  expect(point, word).not.toBeNull()
  await page.mouseMove(point!.x - 30, point!.y - 40)
  await page.mouseMove(point!.x, point!.y)
}
