import fs from 'node:fs'
import path from 'node:path'
import { formatProblem, validateDataPack, type DataPack } from '../../src/data/validate.ts'

function readJson(file: string): { value?: unknown; problem?: string } {
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch (err) {
    return { problem: `${file}: cannot be read: ${(err as Error).message}` }
  }
  try {
    return { value: JSON.parse(text) as unknown }
  } catch (err) {
    return { problem: `${file}: $: not valid JSON: ${(err as Error).message}` }
  }
}

/** Reads and validates entities.json and events.json in `dir`; returns one line per problem. */
export function validateDataFiles(dir: string): string[] {
  return loadDataFiles(dir).problems
}

export function loadDataFiles(dir: string): { pack?: DataPack; problems: string[] } {
  const names = {
    entities: path.relative(process.cwd(), path.join(dir, 'entities.json')),
    events: path.relative(process.cwd(), path.join(dir, 'events.json')),
  }
  const entities = readJson(names.entities)
  const events = readJson(names.events)
  const unreadable = [entities.problem, events.problem].filter((p): p is string => p !== undefined)
  if (unreadable.length > 0) {
    return { problems: unreadable }
  }
  const result = validateDataPack({ entities: entities.value, events: events.value }, names)
  const problems = result.problems.map(formatProblem)
  // The declension classes are checked by generating the forms.
  return result.pack ? { pack: result.pack, problems } : { problems }
}
