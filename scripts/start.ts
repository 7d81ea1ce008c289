/**
 * `npm start`: builds the Chrome extension, serves the seed article (UPI, 6 Oct 2020) on 127.0.0.1 and opens
 * it in Chromium with the extension loaded.
 * - With a display: a real window; Ctrl-C closes the browser and the server and exits.
 * - Without one (CI, SSH): headless; it hovers "Sadyr Japarov", waits for the card, saves a screenshot and
 *   prints its path, then exits.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { launchBrowser, type ExtensionBrowser } from '../test/e2e/harness/browsers.ts'
import { hasHighlights, openCard, wordCenter } from '../test/e2e/harness/page-helpers.ts'
import { startServer, type FixtureServer } from '../test/e2e/harness/server.ts'

const SCREENSHOT = path.resolve('artifacts/start-seed-card.png')
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY)

let server: FixtureServer | undefined
let browser: ExtensionBrowser | undefined
let stopping = false

async function stop(code: number): Promise<never> {
  if (!stopping) {
    stopping = true
    await browser?.close().catch(() => undefined)
    await server?.close().catch(() => undefined)
  }
  process.exit(code)
}

process.on('SIGINT', () => {
  console.log('\nStopping…')
  void stop(0)
})
process.on('SIGTERM', () => void stop(0))

try {
  execFileSync('npx', ['vite', 'build', '--mode', 'chrome', '--logLevel', 'warn'], { stdio: 'inherit' })
  server = await startServer()
  const url = server.url('seed-upi.html')
  browser = await launchBrowser('chromium', { headless: !hasDisplay })
  const page = await browser.newPage(url)
  console.log(`Serving the seed article at ${url}`)
  await page.waitFor(hasHighlights)
  if (hasDisplay) {
    console.log(
      'Chromium is open with the extension loaded. Hover a highlighted name to see its card. Ctrl-C to stop.',
    )
    await new Promise(() => undefined)
  } else {
    const point = await page.waitFor(wordCenter, { word: 'Sadyr Japarov' })
    await page.mouseMove(point.x - 40, point.y - 40)
    await page.mouseMove(point.x, point.y)
    await page.waitFor(openCard)
    // Let the card's short fade-in finish before the picture is taken.
    await new Promise((r) => setTimeout(r, 400))
    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true })
    await page.screenshot(SCREENSHOT)
    console.log(`No display: ran headless. Screenshot of the card on the seed article: ${SCREENSHOT}`)
    await stop(0)
  }
} catch (err) {
  console.error(`npm start failed: ${err instanceof Error ? err.message : String(err)}`)
  await stop(1)
}
