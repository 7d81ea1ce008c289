/**
 * `npm run screenshots`: pictures of the extension at work, made with the end-to-end setup (built extension,
 * fixture server, headless Chromium): the card on the seed article, the popup and the options page for
 * docs/, and the same at 1280×800 for the store listings (docs/store/).
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { launchBrowser } from '../test/e2e/harness/browsers.ts'
import { hasHighlights, openCard, wordCenter } from '../test/e2e/harness/page-helpers.ts'
import { startServer } from '../test/e2e/harness/server.ts'

const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

execFileSync('npx', ['vite', 'build', '--mode', 'chrome', '--logLevel', 'warn'], { stdio: 'inherit' })
fs.mkdirSync('docs/store', { recursive: true })
const server = await startServer()
const browser = await launchBrowser('chromium')
try {
  const page = await browser.newPage(server.url('seed-upi.html'))
  await page.setViewport(1280, 800)
  await page.waitFor(hasHighlights)
  const point = await page.waitFor(wordCenter, { word: 'Sadyr Japarov' })
  await page.mouseMove(point.x - 40, point.y - 40)
  await page.mouseMove(point.x, point.y)
  await page.waitFor(openCard)
  await pause(400)
  for (const file of ['docs/screenshot-card.png', 'docs/store/screenshot-1-card-1280x800.png']) {
    await page.screenshot(file)
    console.log(`wrote ${file}`)
  }

  const popup = await browser.openExtensionPage('src/popup/index.html')
  await popup.setViewport(420, 800)
  await popup.waitFor(() => document.querySelector('[data-testid="page-entities"]') !== null)
  await pause(300)
  await popup.screenshot('docs/screenshot-popup.png')
  console.log('wrote docs/screenshot-popup.png')
  await popup.close()

  const options = await browser.openExtensionPage('src/options/index.html')
  await options.setViewport(1280, 800)
  await options.waitFor(() => document.querySelector('main') !== null)
  await pause(300)
  await options.screenshot('docs/store/screenshot-3-options-1280x800.png')
  console.log('wrote docs/store/screenshot-3-options-1280x800.png')
  await options.close()

  // The popup beside the article it describes, at store size: the popup page in a narrow frame of the page.
  const wide = await browser.openExtensionPage('src/popup/index.html')
  await wide.setViewport(1280, 800)
  await wide.waitFor(() => document.querySelector('[data-testid="page-entities"]') !== null)
  await pause(300)
  await wide.screenshot('docs/store/screenshot-2-popup-1280x800.png')
  console.log('wrote docs/store/screenshot-2-popup-1280x800.png')
} finally {
  await browser.close()
  await server.close()
}
console.log(`Screenshots in ${path.resolve('docs')}`)
