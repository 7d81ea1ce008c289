/**
 * `npm run -s analyze -- [--json] PATH...`: runs the extension's own core on files (BRIEF §4.3).
 * With --json, one JSON object per PATH and line:
 *   {"file", "relevant", "score", "events": [{"event", "score"}], "mentions": [{"entity", "start", "end", "text"}],
 *    "entities": [{"entity", "count"}]}
 * (`events` best first, empty when the page is not coverage)
 * (an ambiguous mention has "entity": null and "candidates"). For plain text, start/end are UTF-16 offsets
 * into the file's text. Without --json, a readable table. An unreadable PATH is reported on stderr in one
 * line; the others are still processed, and the exit status is 1.
 */
import { createRecognizer, recognize, type Recognition } from '../src/core/recognize.ts'
import { ENTITIES_FILE, EVENTS_FILE } from '../src/data/index.ts'
import { readInput } from './lib/read-input.ts'

interface Output {
  file: string
  relevant: boolean
  score: number
  events: { event: string; score: number }[]
  mentions: (
    | { entity: string; start: number; end: number; text: string }
    | { entity: null; candidates: string[]; start: number; end: number; text: string }
  )[]
  entities: { entity: string; count: number }[]
}

function toOutput(file: string, text: string, r: Recognition): Output {
  return {
    file,
    relevant: r.relevant,
    score: r.score,
    events: r.events,
    mentions: r.mentions.map((m) =>
      m.entity === null
        ? {
            entity: null,
            candidates: m.candidates ?? [],
            start: m.start,
            end: m.end,
            text: text.slice(m.start, m.end),
          }
        : { entity: m.entity, start: m.start, end: m.end, text: text.slice(m.start, m.end) },
    ),
    entities: r.entities,
  }
}

function table(out: Output): string {
  const lines = [`${out.file}: ${out.relevant ? 'Kyrgyzstan coverage' : 'not coverage'} (score ${out.score})`]
  if (out.relevant) {
    const best = out.events.slice(0, 3).map((e) => `${e.event} (${e.score})`)
    lines.push(`  event: ${best.length > 0 ? best.join(', ') : 'none in particular'}`)
    for (const e of out.entities) {
      const spellings = [
        ...new Set(out.mentions.filter((m) => m.entity === e.entity).map((m) => m.text.replace(/\s+/g, ' '))),
      ]
      lines.push(`  ${e.entity.padEnd(30)} ${String(e.count).padStart(4)}  ${spellings.join(', ')}`)
    }
    const ambiguous = out.mentions.filter((m) => m.entity === null)
    for (const m of ambiguous) {
      lines.push(
        `  ${'(ambiguous)'.padEnd(30)} ${m.text} at ${m.start}: ${'candidates' in m ? m.candidates.join(' or ') : ''}`,
      )
    }
    if (out.mentions.length === 0) {
      lines.push('  no names found')
    }
  }
  return lines.join('\n')
}

const args = process.argv.slice(2)
const json = args.includes('--json')
const paths = args.filter((a) => a !== '--json')
if (paths.length === 0) {
  console.error('usage: npm run -s analyze -- [--json] PATH...')
  process.exit(2)
}
const recognizer = createRecognizer(ENTITIES_FILE.entities, EVENTS_FILE.events)
let failed = false
for (const file of paths) {
  let input
  try {
    input = readInput(file)
  } catch (err) {
    failed = true
    const reason = err instanceof Error ? err.message.split('\n')[0] : String(err)
    console.error(`analyze: cannot read ${file}: ${reason}`)
    continue
  }
  const out = toOutput(file, input.text, recognize(recognizer, input.text, input.page))
  console.log(json ? JSON.stringify(out) : table(out))
}
process.exit(failed ? 1 : 0)
