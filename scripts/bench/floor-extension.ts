/**
 * The least any extension can do to tell whether a page is about Kyrgyzstan: a content script that reads the
 * title, the address and the first 20,000 characters of text and runs one regular expression. No listener,
 * no observer, no message. The benchmark loads it as a second, throwaway extension and times it on the
 * unrelated page in the same run, to show how much of `idle_vs_walk` is the browser's own cost of running
 * any content script that reads a page (in a fresh content-script world, the first use of `document`, of an
 * element and of a TreeWalker each set up their bindings).
 *
 * It reports by writing its time on the root element, which is fine for a benchmark page and something the
 * real extension never does.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PREFILTER_TEXT_BUDGET } from '../../src/core/prefilter.ts'

export const FLOOR_ATTRIBUTE = 'data-kc-floor-ms'

const SCRIPT = `(() => {
  const start = performance.now()
  const parts = [document.title, document.URL]
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
  let left = ${PREFILTER_TEXT_BUDGET}
  for (let node = walker.nextNode(); node && left > 0; node = walker.nextNode()) {
    parts.push(node.data)
    left -= node.data.length
  }
  const found = /kyrgyz|bishkek|кыргыз|бишкек/i.test(parts.join('\\n'))
  const ms = performance.now() - start
  document.documentElement.setAttribute('${FLOOR_ATTRIBUTE}', String(ms) + (found ? ' found' : ''))
})()
`

/** Writes the throwaway extension to a temporary folder and returns the folder. */
export function writeFloorExtension(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-floor-'))
  const manifest = {
    manifest_version: 3,
    name: 'Kyrgyzstan Context benchmark floor',
    version: '1.0',
    content_scripts: [{ matches: ['http://*/*'], js: ['floor.js'], run_at: 'document_idle' }],
    // An empty worker: the test harness finds an extension by its worker.
    background: { service_worker: 'worker.js' },
  }
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest))
  fs.writeFileSync(path.join(dir, 'floor.js'), SCRIPT)
  fs.writeFileSync(path.join(dir, 'worker.js'), '')
  return dir
}
