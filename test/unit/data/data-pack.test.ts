/**
 * The bundled data as shipped: valid, sourced, dated, unambiguous where it claims to be, and quoting the seed
 * article exactly.
 */
import fs from 'node:fs'
import path from 'node:path'
import { JSDOM } from 'jsdom'
import { describe, expect, it } from 'vitest'
import { allForms, buildEntityIndex } from '../../../src/core/entity-index.ts'
import { createRecognizer, recognize } from '../../../src/core/recognize.ts'
import { foldForMatching } from '../../../src/core/normalize.ts'
import { ENTITIES_FILE, EVENTS_FILE } from '../../../src/data/index.ts'
import { MAIN_EVENT_ID, REQUIRED_ENTITY_IDS } from '../../../src/data/ids.ts'
import { isoOrder } from '../../../src/core/iso-date.ts'
import { SUMMARY_MAX_WORDS, validateDataPack } from '../../../src/data/validate.ts'

const entities = ENTITIES_FILE.entities
const ISO = /^\d{4}(-\d{2}(-\d{2})?)?$/

/** Every object in `value` that has a `sources` array, with its path. */
function sourced(value: unknown, at = '$', out: { at: string; sources: unknown }[] = []): typeof out {
  if (Array.isArray(value)) {
    value.forEach((v, i) => sourced(v, `${at}[${i}]`, out))
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'sources' && Array.isArray(v)) {
        out.push({ at, sources: v })
      } else if (k !== 'sources') {
        sourced(v, `${at}.${k}`, out)
      }
    }
  }
  return out
}

/** Every date-valued field, with its path. */
function dates(value: unknown, at = '$', out: { at: string; date: string }[] = []): typeof out {
  if (Array.isArray(value)) {
    value.forEach((v, i) => dates(v, `${at}[${i}]`, out))
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (
        ['date', 'from', 'to', 'asOf', 'start', 'end', 'datePublished'].includes(k) &&
        typeof v === 'string'
      ) {
        out.push({ at: `${at}.${k}`, date: v })
      } else {
        dates(v, `${at}.${k}`, out)
      }
    }
  }
  return out
}

/** Lower-case entries of a Hunspell dictionary: the ordinary words of the language. */
function ordinaryWords(dic: string, lowerOnly: boolean): Set<string> {
  const words = new Set<string>()
  for (const line of fs.readFileSync(dic, 'utf8').split('\n').slice(1)) {
    const word = line.split('/')[0]?.trim()
    if (!word) {
      continue
    }
    if (!lowerOnly || word === word.toLowerCase()) {
      words.add(word.toLowerCase())
    }
  }
  return words
}

describe('the bundled data', () => {
  it('passes the validator with no problems', () => {
    const { problems } = validateDataPack({ entities: ENTITIES_FILE, events: EVENTS_FILE })
    expect(problems).toEqual([])
  })

  it('has every entity id other tools rely on, and the October 2020 event', () => {
    const ids = new Set(entities.map((e) => e.id))
    for (const id of REQUIRED_ENTITY_IDS) {
      expect(ids.has(id), id).toBe(true)
    }
    expect(EVENTS_FILE.events.map((e) => e.id)).toContain(MAIN_EVENT_ID)
  })

  it('gives every fact at least one source, each with URL, outlet and date', () => {
    for (const [file, data] of [
      ['entities', ENTITIES_FILE],
      ['events', EVENTS_FILE],
    ] as const) {
      const facts = sourced(data)
      expect(facts.length).toBeGreaterThan(50)
      for (const { at, sources } of facts) {
        expect(Array.isArray(sources) && sources.length > 0, `${file} ${at}`).toBe(true)
        for (const key of sources as string[]) {
          const s = data.sources[key]
          expect(s, `${file} ${at}: ${key}`).toBeDefined()
          expect(s?.url).toMatch(/^https?:\/\//)
          expect(s?.outlet.length).toBeGreaterThan(0)
          expect(s?.date).toMatch(ISO)
        }
      }
    }
  })

  it('writes every date as ISO 8601 and orders every role’s range', () => {
    for (const { at, date } of [...dates(ENTITIES_FILE), ...dates(EVENTS_FILE)]) {
      expect(date, at).toMatch(ISO)
    }
    for (const e of entities) {
      for (const r of e.roles ?? []) {
        if (r.to !== undefined) {
          expect(isoOrder(r.from, r.to) <= 0, `${e.id}: ${r.title.en}`).toBe(true)
        }
      }
    }
  })

  it('keeps summaries short and neutral in length', () => {
    for (const e of entities) {
      expect(e.summary.text.en.split(/\s+/).length, e.id).toBeLessThanOrEqual(SUMMARY_MAX_WORDS)
    }
  })

  it('puts every spelling into the matcher: each script’s group builds, with no spelling filed under another', () => {
    // Tools build the index at run time and add Latin and Cyrillic spellings only when a text shows that script,
    // so a data mistake there would surface late; the build compiles every group (compiled-index.ts), and so
    // does this test.
    const index = buildEntityIndex(entities)
    expect(() => allForms(index)).not.toThrow()
    expect(index.matcher.size).toBe(allForms(index).length)
    expect(allForms(index).length).toBeGreaterThan(entities.length * 10)
  })

  it('maps no spelling to two entities unless it is marked ambiguous with the other', () => {
    const owners = new Map<string, Set<string>>()
    for (const e of entities) {
      for (const a of e.aliases) {
        const key = foldForMatching(a.text)
        owners.set(key, (owners.get(key) ?? new Set()).add(e.id))
      }
    }
    for (const e of entities) {
      for (const a of e.aliases) {
        const others = [...(owners.get(foldForMatching(a.text)) ?? [])].filter((id) => id !== e.id)
        for (const other of others) {
          expect(a.ambiguousWith ?? [], `${e.id}: "${a.text}" is also ${other}`).toContain(other)
        }
      }
    }
  })

  it('marks the shared Japarov surnames as ambiguous, with Sadyr as the preferred reading', () => {
    for (const spelling of ['Japarov', 'Zhaparov', 'Жапаров']) {
      const sadyr = entities.find((e) => e.id === 'sadyr-japarov')?.aliases.find((a) => a.text === spelling)
      const akylbek = entities
        .find((e) => e.id === 'akylbek-japarov')
        ?.aliases.find((a) => a.text === spelling)
      expect(sadyr?.ambiguousWith, spelling).toEqual(['akylbek-japarov'])
      expect(sadyr?.preferred, spelling).toBe(true)
      expect(akylbek?.ambiguousWith, spelling).toEqual(['sadyr-japarov'])
      expect(sadyr?.surname && akylbek?.surname).toBe(true)
    }
  })

  it('lets no ordinary English or Russian word match without a case or context rule', () => {
    const english = ordinaryWords(path.resolve('node_modules/dictionary-en/index.dic'), true)
    const russian = ordinaryWords(path.resolve('node_modules/dictionary-ru/index.dic'), true)
    const ordinary = (w: string): boolean => english.has(w) || russian.has(w)
    for (const e of entities) {
      for (const a of e.aliases) {
        const words = a.text.toLowerCase().split(/\s+/)
        if (words.every(ordinary)) {
          expect(a.case === 'exact' || a.context === true, `${e.id}: "${a.text}" is an ordinary phrase`).toBe(
            true,
          )
        }
      }
    }
  })

  it('tells Tajikistan’s security committee from Kyrgyzstan’s GKNB', () => {
    const recognizer = createRecognizer(entities)
    const text =
      'Kyrgyzstan’s GKNB, headed by Kamchybek Tashiev, said in Bishkek that the Tajik GKNB had moved troops. ' +
      'Tajikistan’s GKNB denied it. В Бишкеке ГКНБ заявил, что ГКНБ Таджикистана и таджикского ГКНБ пограничники стреляли.'
    const r = recognize(recognizer, text)
    const of = (entity: string): string[] =>
      r.mentions.filter((m) => m.entity === entity).map((m) => text.slice(m.start, m.end))
    expect(of('gknb')).toEqual(['GKNB', 'ГКНБ'])
    expect(of('gknb-tajikistan')).toEqual([
      'Tajik GKNB',
      'Tajikistan’s GKNB',
      'ГКНБ Таджикистана',
      'таджикского ГКНБ',
    ])
  })

  it('keeps names that foreign places, parties and people share out of pages that are not coverage', () => {
    // Namesakes the fact sheets mention: Jalalabad (Afghanistan), Tokmak (Ukraine), Ak Zhol (Kazakhstan),
    // Talas (Turkey, Kazakhstan), the Alliance Party (Northern Ireland), Frunze (the Soviet commander).
    const NAMESAKES = [
      'Jalalabad',
      'Tokmak',
      'Ak Zhol',
      'Ak Jol',
      'Talas',
      'Alliance party',
      'Frunze',
      'Kant',
    ]
    for (const e of entities) {
      for (const a of e.aliases) {
        if (NAMESAKES.some((n) => foldForMatching(n) === foldForMatching(a.text))) {
          expect(a.context, `${e.id}: "${a.text}" names something else outside Kyrgyzstan`).toBe(true)
        }
      }
    }
    const recognizer = createRecognizer(entities)
    const r = recognize(
      recognizer,
      'In Jalalabad, Afghan officials met traders from Tokmak in Ukraine. The Ak Zhol party of Kazakhstan and the Alliance party in Belfast sent notes. Frunze street was renamed.',
      { title: 'Regional news' },
    )
    expect(r.mentions).toEqual([])
  })

  it('lists every entity and event in docs/DATA.md', () => {
    const doc = fs.readFileSync('docs/DATA.md', 'utf8')
    for (const id of [...entities.map((e) => e.id), ...EVENTS_FILE.events.map((e) => e.id)]) {
      expect(doc.includes(`\`${id}\``), `${id} is not in docs/DATA.md`).toBe(true)
    }
  })

  it('never matches "Osh" as "OSH" or "osh"', () => {
    const recognizer = createRecognizer(entities)
    const text =
      'Kyrgyzstan’s president Sooronbay Jeenbekov met Sadyr Japarov in Bishkek. Later he flew to Osh. The OSH Act and an osh recipe are unrelated.'
    const r = recognize(recognizer, text)
    const osh = r.mentions.filter((m) => m.entity === 'osh').map((m) => text.slice(m.start, m.end))
    expect(osh).toEqual(['Osh'])
  })

  it('quotes the seed article exactly in every "in this article" statement', () => {
    const html = fs.readFileSync(path.resolve('test/fixtures/seed-upi.html'), 'utf8')
    const seedText = new JSDOM(html).window.document.body.textContent ?? ''
    const articles = EVENTS_FILE.events.flatMap((e) => e.articles ?? [])
    const seed = articles.find((a) => a.id === 'upi-2020-10-06')
    expect(seed).toBeDefined()
    expect(seed?.statements.length).toBeGreaterThan(5)
    for (const s of seed?.statements ?? []) {
      expect(seedText.includes(s.quote), `not verbatim in the seed: ${s.quote}`).toBe(true)
    }
  })

  it('keeps the injured figures as a dated series, as they changed over time', () => {
    const event = EVENTS_FILE.events.find((e) => e.id === MAIN_EVENT_ID)
    const injured = event?.numbers.find((n) => n.id === 'injured')
    expect(injured?.series.map((f) => f.value)).toEqual([590, 686, 768])
    expect(injured?.series.map((f) => f.asOf.slice(0, 10))).toEqual([
      '2020-10-06',
      '2020-10-06',
      '2020-10-07',
    ])
    // An undated total is a different measure: kept apart, not appended to the dated series.
    const total = event?.numbers.find((n) => n.id === 'injured-total')
    expect(total?.series[0]?.display?.en).toMatch(/more than 1,000/)
  })
})
