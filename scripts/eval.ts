/**
 * `npm run eval -- FILE.jsonl [--verbose] [--text-only]`: scores recognition on a corpus in the format of
 * corpus/dev.jsonl (see its README). Prints, per language and overall:
 *   - coverage detection precision and recall (positive = label "positive");
 *   - name precision and recall against the annotated mentions (exact span and entity; an ambiguous mention
 *     counts as right when the annotated entity is among its candidates). Mentions of entities the corpus does
 *     not annotate (the data knows more than its 19 canonical ones) are left out of precision;
 *   - the bare-"Japarov" check: mentions annotated `ambiguous_surname` resolved right, marked ambiguous, or wrong
 *     (judged on the mention covering the surname, whatever its span).
 * Names are scored on passages labelled positive (on the others the right output is no highlight at all).
 * Offsets in the corpus count code points; they are converted to JavaScript's UTF-16 offsets first.
 * Each passage is read as a page would be: its title and URL as metadata (unless --text-only), its text as the
 * body. --verbose lists every miss and every extra.
 */
import fs from 'node:fs'
import type { PageSignals } from '../src/core/page-signals.ts'
import { createRecognizer, recognize } from '../src/core/recognize.ts'
import { ENTITIES_FILE, EVENTS_FILE } from '../src/data/index.ts'

/** Canonical corpus names → entity ids (corpus/README.md). */
const CORPUS_IDS: Record<string, string> = {
  'Sooronbay Jeenbekov': 'sooronbay-jeenbekov',
  'Sadyr Japarov': 'sadyr-japarov',
  'Almazbek Atambayev': 'almazbek-atambayev',
  'Akylbek Japarov': 'akylbek-japarov',
  'Kamchybek Tashiev': 'kamchybek-tashiev',
  'Roza Otunbayeva': 'roza-otunbayeva',
  'Kurmanbek Bakiyev': 'kurmanbek-bakiyev',
  'Askar Akayev': 'askar-akayev',
  'Omurbek Babanov': 'omurbek-babanov',
  Kyrgyzstan: 'kyrgyzstan',
  Bishkek: 'bishkek',
  Osh: 'osh',
  'White House (Bishkek)': 'white-house-bishkek',
  'Central Election Commission': 'central-election-commission',
  'State Committee for National Security (GKNB)': 'gknb',
  'Jogorku Kenesh / Parliament': 'jogorku-kenesh',
  OSCE: 'osce',
  AKIpress: 'akipress',
  Kumtor: 'kumtor',
}

interface GoldMention {
  entity: string
  surface: string
  start: number
  end: number
  ambiguous_surname?: boolean
}

interface Passage {
  id: string
  label: 'positive' | 'negative' | 'passing'
  language: string
  source_url?: string
  title?: string | null
  text: string
  mentions?: GoldMention[] | null
  events?: string[] | null
}

/** Converts code-point offsets to UTF-16 offsets for `text`. */
function utf16Offsets(text: string): (cp: number) => number {
  const map: number[] = []
  let unit = 0
  for (const ch of text) {
    map.push(unit)
    unit += ch.length
  }
  map.push(unit)
  return (cp) => map[cp] ?? unit
}

interface Counts {
  tp: number
  fp: number
  fn: number
  tn: number
  nameTp: number
  namePred: number
  nameGold: number
  japarovRight: number
  japarovAmbiguous: number
  japarovWrong: number
  japarovMissed: number
  /** Bare surnames of people resolved to someone the page never names in full (allowed only by a title). */
  unnamed: number
  /** Coverage passages annotated with an event: the top-ranked event is the annotated main one. */
  eventTop: number
  eventGold: number
  /** Passages not labelled coverage that ranked any event. */
  eventOffCoverage: number
}

const empty = (): Counts => ({
  tp: 0,
  fp: 0,
  fn: 0,
  tn: 0,
  nameTp: 0,
  namePred: 0,
  nameGold: 0,
  japarovRight: 0,
  japarovAmbiguous: 0,
  japarovWrong: 0,
  japarovMissed: 0,
  unnamed: 0,
  eventTop: 0,
  eventGold: 0,
  eventOffCoverage: 0,
})

function add(into: Counts, from: Counts): void {
  for (const k of Object.keys(into) as (keyof Counts)[]) {
    into[k] += from[k]
  }
}

const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b)
const fmt = (x: number): string => x.toFixed(3)

const args = process.argv.slice(2)
const verbose = args.includes('--verbose')
const textOnly = args.includes('--text-only')
const file = args.find((a) => !a.startsWith('--'))
if (!file) {
  console.error('usage: npm run eval -- FILE.jsonl [--verbose] [--text-only]')
  process.exit(2)
}
let lines: string[]
try {
  lines = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
} catch (err) {
  console.error(`eval: cannot read ${file}: ${(err as Error).message}`)
  process.exit(1)
}

const recognizer = createRecognizer(ENTITIES_FILE.entities, EVENTS_FILE.events)
const personIds = new Set(ENTITIES_FILE.entities.filter((e) => e.type === 'person').map((e) => e.id))
/** Each bare surname of a person in the data, with the people who have it. */
const sharedSurnames = new Map<string, Set<string>>()
for (const e of ENTITIES_FILE.entities.filter((x) => x.type === 'person')) {
  for (const a of e.aliases.filter((x) => x.surname)) {
    sharedSurnames.set(a.text, (sharedSurnames.get(a.text) ?? new Set()).add(e.id))
  }
}
const byLanguage = new Map<string, Counts>()
/** Missed annotated names (entity and spelling) and how often. */
const missed = new Map<string, number>()
const details: string[] = []

for (const [n, line] of lines.entries()) {
  let p: Passage
  try {
    p = JSON.parse(line) as Passage
  } catch {
    console.error(`eval: ${file}:${n + 1}: not valid JSON`)
    process.exit(1)
  }
  const c = empty()
  const page: PageSignals = {}
  if (!textOnly) {
    if (p.title) {
      page.title = p.title
    }
    if (p.source_url) {
      page.url = p.source_url
    }
  }
  const result = recognize(recognizer, p.text, page)
  const positive = p.label === 'positive'
  if (positive && result.relevant) {
    c.tp++
  } else if (!positive && result.relevant) {
    c.fp++
  } else if (positive) {
    c.fn++
  } else {
    c.tn++
  }
  if (verbose && positive !== result.relevant) {
    details.push(
      `${p.id} [${p.language}, ${p.label}] detection: ${result.relevant ? 'relevant' : 'not relevant'} (score ${result.score})`,
    )
  }

  const goldEvent = positive ? p.events?.[0] : undefined
  if (goldEvent !== undefined) {
    c.eventGold++
    const top = result.events[0]?.event
    if (top === goldEvent) {
      c.eventTop++
    } else if (verbose) {
      const ranked = result.events.slice(0, 3).map((e) => `${e.event} ${e.score}`)
      details.push(`${p.id} [${p.language}] event: ${goldEvent} ranked ${ranked.join(', ') || 'nothing'}`)
    }
  }
  if (!positive && result.events.length > 0) {
    c.eventOffCoverage++
  }

  const anchored = new Set(result.anchored)
  for (const m of result.mentions) {
    const surface = p.text.slice(m.start, m.end)
    const people = sharedSurnames.get(surface)
    const entity = m.entity
    // A surname some other person of the data has too, resolved to someone the page does not name in full.
    if (
      entity !== null &&
      !/\s/.test(surface) &&
      !anchored.has(entity) &&
      personIds.has(entity) &&
      [...(people ?? [])].some((id) => id !== entity)
    ) {
      c.unnamed++
      if (verbose) {
        details.push(
          `${p.id} [${p.language}] resolved to a person not named in full: ${entity} "${surface}" at ${m.start}`,
        )
      }
    }
  }

  const at = utf16Offsets(p.text)
  // Names count where the extension should act: on coverage. Names on pages it must leave alone
  // (passing mentions) are annotated in the corpus but are right not to be highlighted.
  const gold = (positive ? (p.mentions ?? []) : []).map((m) => ({
    ...m,
    id: CORPUS_IDS[m.entity] ?? m.entity,
    s: at(m.start),
    e: at(m.end),
  }))
  // The corpus annotates only its canonical entities; the extension knows more (parties, speakers, …).
  // Mentions of those others are outside the annotation, neither right nor wrong, so they are not scored.
  const annotated = new Set(Object.values(CORPUS_IDS))
  const pred = result.mentions.filter((m) =>
    m.entity !== null ? annotated.has(m.entity) : (m.candidates ?? []).some((id) => annotated.has(id)),
  )
  c.nameGold += gold.length
  c.namePred += pred.length
  const used = new Set<number>()
  for (const g of gold) {
    const i = pred.findIndex((m, k) => !used.has(k) && m.start === g.s && m.end === g.e)
    const m = i >= 0 ? pred[i] : undefined
    const right =
      m !== undefined && (m.entity === g.id || (m.entity === null && (m.candidates ?? []).includes(g.id)))
    if (m && right) {
      used.add(i)
      c.nameTp++
    } else {
      const key = `${g.id} "${g.surface.replace(/\s+/g, ' ')}"`
      missed.set(key, (missed.get(key) ?? 0) + 1)
    }
    if (!(m && right) && verbose) {
      const got = m ? ` (found as ${m.entity ?? `ambiguous ${(m.candidates ?? []).join('/')}`})` : ''
      details.push(
        `${p.id} [${p.language}] miss: ${g.id} "${g.surface.replace(/\n/g, '\\n')}" at ${g.s}${got}`,
      )
    }
    if (g.ambiguous_surname) {
      // Who the surname was taken to be, whatever the span (a full name with a patronymic covers it).
      const cover = m ?? pred.find((x) => x.start <= g.s && x.end >= g.e)
      if (!cover) {
        c.japarovMissed++
      } else if (cover.entity === g.id) {
        c.japarovRight++
      } else if (cover.entity === null && (cover.candidates ?? []).includes(g.id)) {
        c.japarovAmbiguous++
      } else {
        c.japarovWrong++
      }
    }
  }
  if (verbose) {
    pred.forEach((m, k) => {
      if (used.has(k)) {
        return
      }
      const text = p.text.slice(m.start, m.end).replace(/\n/g, '\\n')
      const context = p.text.slice(Math.max(0, m.start - 30), m.end + 30).replace(/\s+/g, ' ')
      details.push(
        `${p.id} [${p.language}] extra: ${m.entity ?? `ambiguous ${(m.candidates ?? []).join('/')}`} "${text}" at ${m.start} … ${context} …`,
      )
    })
  }
  const lang = byLanguage.get(p.language) ?? empty()
  add(lang, c)
  byLanguage.set(p.language, lang)
}

function row(label: string, c: Counts): string {
  const dp = ratio(c.tp, c.tp + c.fp)
  const dr = ratio(c.tp, c.tp + c.fn)
  const np = ratio(c.nameTp, c.namePred)
  const nr = ratio(c.nameTp, c.nameGold)
  const passages = c.tp + c.fp + c.fn + c.tn
  const jap = c.japarovRight + c.japarovAmbiguous + c.japarovWrong + c.japarovMissed
  return [
    label.padEnd(8),
    String(passages).padStart(8),
    fmt(dp).padStart(9),
    fmt(dr).padStart(9),
    fmt(np).padStart(9),
    fmt(nr).padStart(9),
    String(c.nameGold).padStart(6),
    (jap === 0
      ? '-'
      : `${c.japarovRight}/${c.japarovAmbiguous}/${c.japarovWrong}/${c.japarovMissed}`
    ).padStart(14),
    (c.eventGold === 0 ? '-' : `${fmt(ratio(c.eventTop, c.eventGold))}`).padStart(9),
  ].join(' ')
}

const total = empty()
const enRu = empty()
console.log(`Recognition on ${file}${textOnly ? ' (text only)' : ''}`)
console.log(
  'Japarov r/a/w/m: bare surnames annotated as ambiguous that were resolved right / marked ambiguous / resolved wrong / missed.',
)
console.log(
  [
    'language'.padEnd(8),
    'passages'.padStart(8),
    'det.prec'.padStart(9),
    'det.rec'.padStart(9),
    'name.prec'.padStart(9),
    'name.rec'.padStart(9),
    'names'.padStart(6),
    'Japarov r/a/w/m'.padStart(14),
    'event'.padStart(9),
  ].join(' '),
)
for (const [lang, c] of [...byLanguage].sort((a, b) => a[0].localeCompare(b[0]))) {
  console.log(row(lang, c))
  add(total, c)
  if (lang === 'en' || lang === 'ru') {
    add(enRu, c)
  }
}
console.log(row('en+ru', enRu))
console.log(row('all', total))

const goals: [string, boolean][] = [
  [`detection precision ≥ 0.98 (all languages)`, ratio(total.tp, total.tp + total.fp) >= 0.98],
  [`detection recall ≥ 0.95 (all languages)`, ratio(total.tp, total.tp + total.fn) >= 0.95],
  [`name precision ≥ 0.98 (all languages)`, ratio(total.nameTp, total.namePred) >= 0.98],
  [`name recall ≥ 0.96 (all languages)`, ratio(total.nameTp, total.nameGold) >= 0.96],
  [`name recall ≥ 0.97 (English and Russian)`, ratio(enRu.nameTp, enRu.nameGold) >= 0.97],
]
const japarovs = total.japarovRight + total.japarovAmbiguous + total.japarovWrong + total.japarovMissed
goals.push([`ambiguous surnames: none wrong (${total.japarovWrong} wrong)`, total.japarovWrong === 0])
goals.push([
  `ambiguous surnames: ≥ 80% resolved (${total.japarovRight}/${japarovs}; the rest marked ambiguous)`,
  japarovs === 0 || total.japarovRight / japarovs >= 0.8,
])
goals.push([
  `no bare surname resolved to a person the page does not name in full, unless a title fits (${total.unnamed}; see --verbose)`,
  total.unnamed === 0,
])
goals.push([
  `page's event: top-ranked is the annotated one for ≥ 85% of coverage passages with one (${total.eventTop}/${total.eventGold})`,
  ratio(total.eventTop, total.eventGold) >= 0.85,
])
goals.push([
  `no event ranked on passages that are not coverage (${total.eventOffCoverage} did)`,
  total.eventOffCoverage === 0,
])
console.log('\nGoals (BRIEF §5):')
for (const [goal, ok] of goals) {
  console.log(`  ${ok ? 'met    ' : 'NOT MET'} ${goal}`)
}
const topMisses = [...missed].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 10)
if (topMisses.length > 0) {
  console.log(`\nTop misses: ${topMisses.map(([k, n]) => (n > 1 ? `${k} ×${n}` : k)).join(', ')}`)
}
if (verbose && details.length > 0) {
  console.log(`\nDetails:\n${details.join('\n')}`)
}
