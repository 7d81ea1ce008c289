/**
 * `npm run package`: builds both browsers and writes the store packages to artifacts/:
 *   kyrgyzstan-context-chrome-<version>.zip, kyrgyzstan-context-firefox-<version>.zip, and
 *   kyrgyzstan-context-source-<version>.zip (the code is bundled, so AMO reviewers get the sources and
 *   BUILDING.md to rebuild and compare).
 * The zips are deterministic (scripts/lib/zip.ts): the same commit always gives the same bytes.
 * `--no-build` packages the dist/ that is there.
 */
import { execFileSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { zip, type ZipEntry } from './lib/zip.ts'

const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { name: string; version: string }
const outDir = path.resolve(process.env.KC_ARTIFACTS ?? 'artifacts')

function filesUnder(dir: string): ZipEntry[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((rel) => rel.split(path.sep).join('/'))
    .filter((rel) => fs.statSync(path.join(dir, rel)).isFile())
    .map((rel) => ({ path: rel, data: fs.readFileSync(path.join(dir, rel)) }))
}

/** The files under version control: what a reviewer needs to rebuild, nothing generated. */
function sourceFiles(): ZipEntry[] {
  const tracked = execFileSync('git', ['ls-files', '-z'], { encoding: 'utf8' }).split('\0').filter(Boolean)
  return tracked.filter((f) => fs.existsSync(f)).map((f) => ({ path: f, data: fs.readFileSync(f) }))
}

export function packageAll(): Record<string, string> {
  fs.mkdirSync(outDir, { recursive: true })
  const outputs: Record<string, Buffer> = {
    [`${pkg.name}-chrome-${pkg.version}.zip`]: zip(filesUnder('dist/chrome')),
    [`${pkg.name}-firefox-${pkg.version}.zip`]: zip(filesUnder('dist/firefox')),
    [`${pkg.name}-source-${pkg.version}.zip`]: zip(sourceFiles()),
  }
  const hashes: Record<string, string> = {}
  for (const [name, data] of Object.entries(outputs)) {
    fs.writeFileSync(path.join(outDir, name), data)
    hashes[name] = crypto.createHash('sha256').update(data).digest('hex')
  }
  return hashes
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!process.argv.includes('--no-build')) {
    execFileSync('npm', ['run', '-s', 'build'], { stdio: 'inherit' })
  }
  for (const [name, hash] of Object.entries(packageAll())) {
    console.log(`${path.relative(process.cwd(), path.join(outDir, name))}  sha256 ${hash}`)
  }
}
