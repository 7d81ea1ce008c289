/**
 * `npm run icons`: renders assets/icon.svg to the PNG sizes the manifest lists (16, 32, 48, 128), with
 * Chromium, so every icon comes from the one SVG source. The PNGs are committed; run this after editing it.
 */
import fs from 'node:fs'
import path from 'node:path'
import { chromium } from 'playwright-core'
import { chromiumPath } from '../test/e2e/harness/browsers.ts'

const SIZES = [16, 32, 48, 128]
const svg = fs.readFileSync('assets/icon.svg', 'utf8')
const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true })
try {
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 })
    await page.setContent(
      `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
    )
    const file = path.join('assets/icons', `icon-${size}.png`)
    await page.screenshot({
      path: file,
      omitBackground: true,
      clip: { x: 0, y: 0, width: size, height: size },
    })
    console.log(`wrote ${file}`)
    await page.close()
  }
} finally {
  await browser.close()
}
