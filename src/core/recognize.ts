/**
 * The recognition pipeline, the same in the extension and in the Node commands:
 * text (+ page signals) → matches → coverage decision → mentions with resolved entities.
 */
import type { Entity } from '../data/schema.ts'
import { CoverageTally } from './detect-coverage.ts'
import { Disambiguator, rolePeriods, type Mention, type RolePeriods } from './disambiguate.ts'
import { buildEntityIndex, type EntityIndex } from './entity-index.ts'
import { misspelledHits, MisspellingIndex } from './misspellings.ts'
import { decodedUrl, isoDay, signalFields, type PageSignals } from './page-signals.ts'
import {
  dateInUrl,
  EVENT_SAMPLE_CHARS,
  EventRanker,
  type EventScore,
  type RankedEventData,
} from './rank-events.ts'
import { scanText } from './scan.ts'

export type { Mention } from './disambiguate.ts'

export interface EntityCount {
  entity: string
  count: number
}

export interface Recognition {
  relevant: boolean
  score: number
  /** What the extension highlights: empty when the page is not coverage. */
  mentions: Mention[]
  /** Resolved mentions per entity, most mentioned first. */
  entities: EntityCount[]
  /** The data's events, best first, that the page may be about: empty when it is not coverage. */
  events: EventScore[]
  /** Entities named in full on the page. */
  anchored: string[]
}

export interface Recognizer {
  index: EntityIndex
  roles: RolePeriods
  /** Ranks the page's event (made on first use); without events data, pages are about no event. */
  ranker: () => EventRanker | undefined
  /** Misspelt names, looked up on coverage pages only (made on first use). */
  misspellings: () => MisspellingIndex
}

/** What ranking events needs of the data: the events, and each entity's events (`partIn` keys). */
export interface EventData {
  events: readonly RankedEventData[]
  partIn: ReadonlyMap<string, readonly string[]>
}

/** Builds the matcher, the role table and the event ranker once; reuse the result for every page. */
export function createRecognizer(
  entities: readonly Entity[],
  events?: readonly RankedEventData[],
): Recognizer {
  return recognizerOf(
    buildEntityIndex(entities),
    rolePeriods(entities),
    events !== undefined ? () => ({ events, partIn: partInOf(entities) }) : undefined,
  )
}

/**
 * A recognizer over an index and role table made elsewhere: the extension loads both compiled at build time,
 * and reads the events data only when a page's event is first asked for.
 */
export function recognizerOf(index: EntityIndex, roles: RolePeriods, events?: () => EventData): Recognizer {
  let ranker: EventRanker | undefined
  let misspellings: MisspellingIndex | undefined
  return {
    index,
    roles,
    misspellings: () => (misspellings ??= new MisspellingIndex(index.misspellable(), index.form)),
    ranker: () => {
      if (ranker === undefined && events !== undefined) {
        const data = events()
        ranker = new EventRanker(data.events, data.partIn)
      }
      return ranker
    },
  }
}

/** Entity id → the events it has a part in. */
export function partInOf(entities: readonly Entity[]): Map<string, string[]> {
  return new Map(entities.map((e) => [e.id, Object.keys(e.partIn ?? {})]))
}

/** Who the page is about: the entities its title and headline name in full. */
export function subjectsOf(index: EntityIndex, page: PageSignals): Set<string> {
  const subjects = new Set<string>()
  for (const field of [page.title, page.headline]) {
    if (field === undefined) {
      continue
    }
    for (const hit of scanText(index, field)) {
      for (const f of hit.forms) {
        if (f.kind === 'entity' && f.entity !== undefined && !f.surname && f.ambiguousWith.length === 0) {
          subjects.add(f.entity)
        }
      }
    }
  }
  return subjects
}

/** What is read of a page, besides its body, for its event: title, headline, description, keywords, address. */
function eventSignals(page: PageSignals): { text: string; weight: number }[] {
  const fields = signalFields(page)
  if (page.url !== undefined) {
    fields.push({ text: decodedUrl(page.url).replace(/[-_/.+]+/g, ' '), weight: 1 })
  }
  return fields
}

export function countEntities(mentions: readonly Mention[]): EntityCount[] {
  const counts = new Map<string, number>()
  for (const m of mentions) {
    if (m.entity !== null) {
      counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1)
    }
  }
  return [...counts]
    .map(([entity, count]) => ({ entity, count }))
    .sort((a, b) => b.count - a.count || a.entity.localeCompare(b.entity))
}

/**
 * Recognition of one page, fed in parts (the extension reads a big page in chunks between other work). The
 * result of feeding the whole text at once is the same as feeding it in parts.
 */
export class RecognitionJob {
  readonly #recognizer: Recognizer
  readonly #tally: CoverageTally
  readonly #disambiguator: Disambiguator
  /** Mentions read before the page was known to be coverage. */
  #buffered: Mention[] = []
  #relevant = false
  readonly #page: PageSignals
  /** The start of the body, read for the page's event. */
  #sample = ''
  /** Entities the page names correctly (a misspelling of one of them is taken as a name). */
  readonly #named = new Set<string>()

  constructor(recognizer: Recognizer, page: PageSignals = {}, anchored?: ReadonlySet<string>) {
    this.#recognizer = recognizer
    this.#page = page
    this.#tally = new CoverageTally(recognizer.index, page)
    const published = isoDay(page.published)
    this.#disambiguator = new Disambiguator({
      index: recognizer.index,
      roles: recognizer.roles,
      subjects: subjectsOf(recognizer.index, page),
      ...(published !== undefined ? { published } : {}),
      ...(anchored !== undefined ? { anchored } : {}),
    })
    this.#relevant = this.#tally.relevant
  }

  get relevant(): boolean {
    return this.#relevant
  }

  get score(): number {
    return this.#tally.score
  }

  get anchored(): ReadonlySet<string> {
    return this.#disambiguator.anchored
  }

  /**
   * Reads `text[from, to)` (cut where no name can span, e.g. between blocks). Returns the mentions to
   * highlight now: the new ones on coverage, and when the page has just become coverage, all read so far.
   */
  feed(text: string, from = 0, to = text.length): Mention[] {
    if (this.#sample.length < EVENT_SAMPLE_CHARS) {
      this.#sample += `${text.slice(from, Math.min(to, from + EVENT_SAMPLE_CHARS - this.#sample.length))}\n`
    }
    const exact = scanText(this.#recognizer.index, text, from, to)
    this.#tally.addBody(text, exact)
    for (const hit of exact) {
      hit.forms.forEach((f) => f.entity !== undefined && this.#named.add(f.entity))
    }
    // Misspellings are no evidence that a page is coverage; on coverage they are names.
    const misspelt = this.#tally.relevant
      ? misspelledHits(this.#recognizer.misspellings(), text, from, to, exact, this.#named)
      : []
    const hits = misspelt.length > 0 ? [...exact, ...misspelt].sort((a, b) => a.start - b.start) : exact
    const mentions = this.#disambiguator.resolve(text, hits)
    if (this.#relevant) {
      return mentions
    }
    this.#buffered.push(...mentions)
    if (!this.#tally.relevant) {
      return []
    }
    this.#relevant = true
    const all = this.#buffered
    this.#buffered = []
    return all
  }

  /** The events the page may be about, best first, given what it names (`entities`): none off coverage. */
  events(entities: readonly EntityCount[]): EventScore[] {
    const ranker = this.#relevant ? this.#recognizer.ranker() : undefined
    if (ranker === undefined) {
      return []
    }
    const published = isoDay(this.#page.published) ?? dateInUrl(this.#page.url)
    return ranker.rank({
      texts: [...eventSignals(this.#page), { text: this.#sample, weight: 1 }],
      ...(published !== undefined ? { published } : {}),
      entities,
    })
  }

  /** Everything is read: settles what depended on the rest of the page. Returns mentions that changed. */
  finish(): Mention[] {
    const changed = this.#disambiguator.finish()
    return this.#relevant ? changed : []
  }
}

export function recognize(recognizer: Recognizer, text: string, page: PageSignals = {}): Recognition {
  const job = new RecognitionJob(recognizer, page)
  const mentions = job.feed(text)
  job.finish()
  if (!job.relevant) {
    return { relevant: false, score: job.score, mentions: [], entities: [], events: [], anchored: [] }
  }
  const entities = countEntities(mentions)
  return {
    relevant: true,
    score: job.score,
    mentions,
    entities,
    events: job.events(entities),
    anchored: [...job.anchored],
  }
}
