/**
 * Decides whether a page is news or analysis about Kyrgyzstan, from what the matcher found in its title,
 * metadata and text.
 *
 * The score adds up evidence with diminishing returns per entity, so one name repeated in a navigation bar is
 * not a story. Kyrgyz names that stand in a list of other countries or capitals ("Kazakhstan, Kyrgyzstan and
 * Tajikistan", "Almaty and Bishkek") count for little: that is how travel pages and alliance member lists
 * mention the country. Names that only mean something on Kyrgyz coverage ("White House", "CEC") count for
 * nothing here; they are highlighted only once the page is known to be coverage.
 */
import type { EntityIndex, Form } from './entity-index.ts'
import { signalFields, urlNamesTopic, type PageSignals } from './page-signals.ts'
import { scanText, type Hit } from './scan.ts'

/** Evidence weights. A person is the most specific evidence, a demonym the least. */
export const WEIGHT = {
  person: 3,
  personSurname: 2,
  entity: 2,
  kyrgyzSignal: 1,
  /** The urban and regional names shared with nothing else but short enough to appear in lists. */
  country: 2,
  /** A Kyrgyz name inside a list of other places. */
  listedFactor: 0.2,
  /** After this many mentions of one entity, more mentions add a quarter each. */
  fullCountPerEntity: 3,
  repeatFactor: 0.25,
  /** The URL's path names the topic. */
  url: 4,
} as const

/** At or above this score a page is coverage. Measured on the dev corpus; see README "Recognition". */
export const RELEVANCE_THRESHOLD = 6

/** Entities whose names are places and so appear in lists of places. */
const PLACE_TYPES = new Set(['place'])

const LIST_GAP = /^[\s,;/&(]*(?:and|or|и|или|та|і|und|et|e|y|en|og)?[\s,;/&)]*$/i
const MAX_LIST_GAP = 8

export interface Coverage {
  relevant: boolean
  score: number
  /** Distinct entities that counted as evidence. */
  entities: number
}

function entityForm(hit: Hit): Form | undefined {
  return hit.forms.find((f) => f.kind === 'entity')
}

function isPlaceLike(index: EntityIndex, hit: Hit): boolean {
  const form = entityForm(hit)
  if (form?.entity !== undefined) {
    return PLACE_TYPES.has(index.entities.get(form.entity)?.type ?? '')
  }
  return hit.forms.some((f) => f.kind === 'other' || f.kind === 'kyrgyz')
}

/** Hits that stand next to another place with only a comma or "and" between them. */
function listedHits(index: EntityIndex, text: string, hits: readonly Hit[]): Set<Hit> {
  const listed = new Set<Hit>()
  for (let i = 0; i < hits.length; i++) {
    const hit = hits[i]
    if (!hit || !isPlaceLike(index, hit)) {
      continue
    }
    for (const j of [i - 1, i + 1]) {
      const other = hits[j]
      if (!other || !other.forms.some((f) => f.kind === 'other')) {
        continue
      }
      const gap = j < i ? text.slice(other.end, hit.start) : text.slice(hit.end, other.start)
      if (gap.length <= MAX_LIST_GAP && LIST_GAP.test(gap)) {
        listed.add(hit)
      }
    }
  }
  return listed
}

interface Tally {
  score: number
  perEntity: Map<string, number>
}

function tallyHits(
  index: EntityIndex,
  text: string,
  hits: readonly Hit[],
  fieldWeight: number,
  tally: Tally,
): void {
  const listed = listedHits(index, text, hits)
  for (const hit of hits) {
    const form = entityForm(hit)
    let weight: number
    let key: string
    if (form?.entity !== undefined) {
      if (form.context) {
        continue
      }
      const type = index.entities.get(form.entity)?.type
      weight = type === 'person' ? (form.surname ? WEIGHT.personSurname : WEIGHT.person) : WEIGHT.entity
      key = form.entity
    } else if (hit.forms.some((f) => f.kind === 'kyrgyz')) {
      weight = WEIGHT.kyrgyzSignal
      key = `signal:${hit.forms[0]?.text.toLowerCase() ?? ''}`
    } else {
      continue
    }
    if (listed.has(hit)) {
      weight *= WEIGHT.listedFactor
    }
    const seen = tally.perEntity.get(key) ?? 0
    tally.perEntity.set(key, seen + 1)
    if (seen >= WEIGHT.fullCountPerEntity) {
      weight *= WEIGHT.repeatFactor
    }
    tally.score += weight * fieldWeight
  }
}

/**
 * The coverage score, built up as text is read: metadata first, then the body in as many parts as the caller
 * likes (the extension reads a big page in chunks). The score only grows, so "relevant" is decided as soon as
 * it crosses the threshold, and reading the whole text at once gives the same answer.
 */
export class CoverageTally {
  readonly #index: EntityIndex
  readonly #tally: Tally = { score: 0, perEntity: new Map() }

  constructor(index: EntityIndex, page: PageSignals = {}) {
    this.#index = index
    for (const field of signalFields(page)) {
      tallyHits(index, field.text, scanText(index, field.text), field.weight, this.#tally)
    }
    if (urlNamesTopic(page.url)) {
      this.#tally.score += WEIGHT.url
    }
  }

  /** Adds the hits of one part of the body (`hits` from scanning `text`). */
  addBody(text: string, hits: readonly Hit[]): void {
    tallyHits(this.#index, text, hits, 1, this.#tally)
  }

  get score(): number {
    return Math.round(this.#tally.score * 100) / 100
  }

  get relevant(): boolean {
    return this.score >= RELEVANCE_THRESHOLD
  }

  result(): Coverage {
    const entities = [...this.#tally.perEntity.keys()].filter((k) => !k.startsWith('signal:')).length
    return { relevant: this.relevant, score: this.score, entities }
  }
}

/**
 * Scores a page from the hits in its text and its metadata. `bodyHits` come from scanning `text` (the caller
 * has them already, since the same scan yields the mentions).
 */
export function detectCoverage(
  index: EntityIndex,
  text: string,
  bodyHits: readonly Hit[],
  page: PageSignals = {},
): Coverage {
  const tally = new CoverageTally(index, page)
  tally.addBody(text, bodyHits)
  return tally.result()
}
