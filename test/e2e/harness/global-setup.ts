/**
 * Before the end-to-end suite: check that both browsers exist (a clear error if not: the suite fails, it is
 * never skipped) and build the extension for both, unless the caller has just built it (KC_E2E_BUILT=1,
 * set by `npm test`).
 */
import { execFileSync } from 'node:child_process'
import { chromiumPath, firefoxPath } from './browsers.ts'

export default function setup(): void {
  chromiumPath()
  firefoxPath()
  if (process.env.KC_E2E_BUILT !== '1') {
    execFileSync('npm', ['run', '-s', 'build'], { stdio: 'inherit' })
  }
}
