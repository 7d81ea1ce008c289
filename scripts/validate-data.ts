/**
 * `npm run validate-data [DIR]`: checks src/data (or DIR) and prints each problem with file, JSON path and
 * message. Exit status 1 when there is any.
 */
import path from 'node:path'
import { loadDataFiles } from './lib/validate-data.ts'

const dir = path.resolve(process.argv[2] ?? 'src/data')
const { pack, problems } = loadDataFiles(dir)
if (problems.length > 0) {
  for (const p of problems) {
    console.error(p)
  }
  console.error(`\n${problems.length} problem(s) in ${path.relative(process.cwd(), dir) || '.'}`)
  process.exit(1)
}
const entities = pack?.entities.entities.length ?? 0
const events = pack?.events.events.length ?? 0
console.log(`Data is valid: ${entities} entities, ${events} event(s).`)
