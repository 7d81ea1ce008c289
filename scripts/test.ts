/**
 * `npm test`: type check, lint and format check, unit tests, build, package checks, end-to-end tests in
 * Chromium and Firefox. Runs every step (so one failure does not hide another), prints what each did, and ends with one
 * line `N passed, N failed`: unit and end-to-end tests summed, plus one per check step (type check, lint,
 * build). Exit status 1 on any failure.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

interface VitestJson {
  testResults: { name: string; status: string; assertionResults: unknown[]; message?: string }[]
  numPassedTests: number
  numFailedTests: number
  numPendingTests: number
  numTodoTests: number
  numTotalTests: number
  success: boolean
}

let passed = 0
let failed = 0
const summary: string[] = []

function run(label: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): boolean {
  console.log(`\n=== ${label} ===`)
  const started = Date.now()
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  const ok = result.status === 0
  summary.push(`${ok ? 'ok  ' : 'FAIL'} ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
  return ok
}

function check(label: string, command: string, args: string[]): boolean {
  const ok = run(label, command, args)
  if (ok) {
    passed++
  } else {
    failed++
  }
  return ok
}

function vitest(label: string, project: string, env: NodeJS.ProcessEnv = {}): void {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kc-vitest-')), 'report.json')
  const ok = run(
    label,
    'npx',
    [
      'vitest',
      'run',
      '--project',
      project,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${out}`,
    ],
    env,
  )
  let report: VitestJson | undefined
  try {
    report = JSON.parse(fs.readFileSync(out, 'utf8')) as VitestJson
  } catch {
    report = undefined
  }
  if (!report) {
    // The runner itself failed (a file that does not load, a global setup error): count that as a failure.
    failed++
    summary.push(`     ${label}: no report`)
    return
  }
  passed += report.numPassedTests
  failed += report.numFailedTests
  // A test file that fails to load runs no tests: each such file counts as one failure.
  const broken = report.testResults.filter((r) => r.status === 'failed' && r.assertionResults.length === 0)
  failed += broken.length
  // Skipped tests would hide missing coverage: there are none by design, and any that appear count as failed.
  const skipped = report.numPendingTests + report.numTodoTests
  failed += skipped
  if (!ok && report.numFailedTests === 0 && skipped === 0 && broken.length === 0) {
    failed++
  }
  summary.push(
    `     ${label}: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${skipped} skipped` +
      (broken.length > 0 ? `, ${broken.length} files did not load` : ''),
  )
}

check('type check', 'npm', ['run', '-s', 'typecheck'])
check('lint and format', 'npm', ['run', '-s', 'lint'])
vitest('unit tests', 'unit')
const built = check('build (chrome, firefox)', 'npm', ['run', '-s', 'build'])
if (built) {
  vitest('package checks (manifests, sizes, lint, reproducibility)', 'package', { KC_E2E_BUILT: '1' })
  vitest('end-to-end tests (chromium, firefox)', 'e2e', { KC_E2E_BUILT: '1' })
} else {
  failed++
  summary.push('     package checks and end-to-end tests: not run, the build failed')
}

console.log(`\n=== summary ===\n${summary.join('\n')}\n`)
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed > 0 ? 1 : 0)
