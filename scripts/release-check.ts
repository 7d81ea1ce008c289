/**
 * `npm run release:check`: everything a tagged version needs before it goes to the Chrome Web Store and
 * addons.mozilla.org, from a clean clone:
 *   1. `npm test` (type check, lint, unit, package checks incl. web-ext lint and reproducibility, end to end);
 *   2. `npm run package`, then a second build and package: the zips must be byte-identical;
 *   3. the Chrome and Firefox zips, unzipped, load in the real browsers and highlight the seed article;
 *   4. the source zip, unzipped and built on its own (`npm ci && npm run build`), gives the same extension;
 *   5. the documents and store screenshots are there.
 * `--skip-tests` skips step 1 (when `npm test` just ran); `--skip-source` skips step 4 (it installs packages).
 */
import { execFileSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { launchBrowser, type BrowserName } from '../test/e2e/harness/browsers.ts'
import { hasHighlights, highlightedTexts } from '../test/e2e/harness/page-helpers.ts'
import { startServer } from '../test/e2e/harness/server.ts'

const args = new Set(process.argv.slice(2))
const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { name: string; version: string }
const zips = {
  chrome: `${pkg.name}-chrome-${pkg.version}.zip`,
  firefox: `${pkg.name}-firefox-${pkg.version}.zip`,
  source: `${pkg.name}-source-${pkg.version}.zip`,
}
const problems: string[] = []
const step = (title: string): void => console.log(`\n=== ${title} ===`)
const sha = (file: string): string => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')
const run = (cmd: string, argv: string[], cwd = process.cwd(), env: NodeJS.ProcessEnv = {}): void => {
  execFileSync(cmd, argv, { stdio: 'inherit', cwd, env: { ...process.env, ...env } })
}
const unzipTo = (zipFile: string): string => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-release-'))
  run('unzip', ['-q', zipFile, '-d', dir])
  return dir
}

try {
  if (!args.has('--skip-tests')) {
    step('npm test')
    run('npm', ['test'])
  }

  step('packages, twice: byte-identical')
  const first = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-artifacts-'))
  run('npx', ['tsx', 'scripts/package.ts'], process.cwd(), { KC_ARTIFACTS: first })
  run('npx', ['tsx', 'scripts/package.ts'])
  for (const name of Object.values(zips)) {
    const a = sha(path.join(first, name))
    const b = sha(path.join('artifacts', name))
    console.log(`${name}  ${b}${a === b ? '' : '  DIFFERS'}`)
    if (a !== b) {
      problems.push(`${name} is not reproducible`)
    }
  }

  step('the zips install and work in the browsers')
  const server = await startServer()
  for (const [browserName, zipName] of [
    ['chromium', zips.chrome],
    ['firefox', zips.firefox],
  ] as [BrowserName, string][]) {
    const dir = unzipTo(path.join('artifacts', zipName))
    const browser = await launchBrowser(browserName, { extensionDir: dir })
    try {
      const page = await browser.newPage(server.url('seed-upi.html'))
      await page.waitFor(hasHighlights)
      const texts = await page.evaluate(highlightedTexts)
      const ok = texts.includes('Sadyr Japarov') && texts.includes('Biskek')
      console.log(`${browserName}: ${zipName} loaded, ${texts.length} names highlighted on the seed article`)
      if (!ok) {
        problems.push(`${zipName} did not highlight the seed article in ${browserName}`)
      }
    } catch (err) {
      problems.push(`${zipName} in ${browserName}: ${(err as Error).message}`)
    } finally {
      await browser.close()
    }
  }
  await server.close()

  if (!args.has('--skip-source')) {
    step('the source zip builds the same extension')
    const src = unzipTo(path.join('artifacts', zips.source))
    run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], src)
    run('npm', ['run', '-s', 'build'], src)
    for (const target of ['chrome', 'firefox']) {
      const files = fs.readdirSync(path.join(src, 'dist', target), { recursive: true, encoding: 'utf8' })
      for (const f of files) {
        const a = path.join(src, 'dist', target, f)
        const b = path.join('dist', target, f)
        if (fs.statSync(a).isFile() && (!fs.existsSync(b) || sha(a) !== sha(b))) {
          problems.push(`source build differs: dist/${target}/${f}`)
        }
      }
    }
    console.log(problems.some((p) => p.startsWith('source build')) ? 'differences found' : 'identical')
  }

  step('documents and store screenshots')
  for (const file of [
    'README.md',
    'PRIVACY.md',
    'CHANGELOG.md',
    'LICENSE',
    'BUILDING.md',
    'docs/ARCHITECTURE.md',
    'docs/DATA.md',
    'docs/store/listing-en.md',
    'docs/store/listing-ru.md',
  ]) {
    if (!fs.existsSync(file)) {
      problems.push(`missing ${file}`)
    }
  }
  if (!fs.readFileSync('CHANGELOG.md', 'utf8').includes(`## ${pkg.version}`)) {
    problems.push(`CHANGELOG.md has no entry for ${pkg.version}`)
  }
  const shots = fs.readdirSync('docs/store').filter((f) => f.endsWith('.png'))
  for (const shot of shots) {
    const png = fs.readFileSync(path.join('docs/store', shot))
    const size = `${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`
    console.log(`${shot}: ${size}`)
    if (size !== '1280x800') {
      problems.push(`${shot} is ${size}, not 1280x800`)
    }
  }
  if (shots.length < 3) {
    problems.push('fewer than 3 store screenshots in docs/store (npm run screenshots)')
  }
} catch (err) {
  problems.push((err as Error).message)
}

console.log(
  problems.length === 0 ? '\nRelease check passed.' : `\nRelease check FAILED:\n- ${problems.join('\n- ')}`,
)
process.exit(problems.length === 0 ? 0 : 1)
