/**
 * Which of the data's events a coverage page is about. Four kinds of evidence, each weighed by how much it
 * tells one event from the others:
 *   - the page's publication date (an article cannot be about what had not yet happened; one written during or
 *     soon after an event is likely about it);
 *   - the years the text names (a page about 2010 says "2010");
 *   - the entities it names, weighted by how few events they belong to (Kyrgyzstan belongs to all, Vorukh to two);
 *   - cue words and the event's own names ("Tulip Revolution", "reservoir", "Кемпир-Абад"), weighted the same way.
 * Pure and linear in the text it is given; the caller bounds that text (see EVENT_SAMPLE_CHARS).
 */
import type { Event } from '../data/schema.ts'
import { foldForMatching } from './normalize.ts'
import { urlPath } from './page-signals.ts'

/** What the ranker needs of an event. */
export type RankedEventData = Pick<Event, 'id' | 'start' | 'end' | 'cues' | 'places'> &
  Partial<Pick<Event, 'aka' | 'title' | 'entities' | 'timeline' | 'results'>>

export interface EventScore {
  event: string
  score: number
}

export interface EventEvidence {
  /** Texts to read for years and cues, with a weight (the title says more than the body). */
  texts: readonly { text: string; weight: number }[]
  /** The page's publication date (ISO), when it has one. */
  published?: string
  /** Resolved mentions per entity. */
  entities: readonly { entity: string; count: number }[]
}

/** How much of a page's body is read for years and cues: an article states its subject early. */
export const EVENT_SAMPLE_CHARS = 30_000

/** Below this, the page is not about one event in particular (a biography, a profile): readers see the chronology. */
export const EVENT_MIN_SCORE = 2

const W = { published: 3, years: 3, entities: 1, cues: 1.5 }

/** Day number of an ISO date of any precision (start of the period, or its end with `end`). */
function dayOf(iso: string, end = false): number {
  const [y = 0, m, d] = iso.split('-').map(Number)
  if (m === undefined) {
    return Date.UTC(end ? y + 1 : y, 0, 1) / 864e5 - (end ? 1 : 0)
  }
  if (d === undefined) {
    return Date.UTC(y, end ? m : m - 1, 1) / 864e5 - (end ? 1 : 0)
  }
  return Date.UTC(y, m - 1, d) / 864e5
}

interface Prepared {
  id: string
  start: number
  end: number
  /** Year → how much of the event falls in it (1 for its main year). */
  years: Map<number, number>
  entities: Set<string>
}

/**
 * How much of an event each of its years holds, relative to its main year: a crisis from October 2020 to
 * January 2021 is a 2020 event that reaches into 2021, so "2021" on a page says less about it than "2020".
 */
function yearShares(start: number, end: number): Map<number, number> {
  const days = new Map<number, number>()
  for (let y = new Date(start * 864e5).getUTCFullYear(); y <= new Date(end * 864e5).getUTCFullYear(); y++) {
    const from = Math.max(start, Date.UTC(y, 0, 1) / 864e5)
    const to = Math.min(end, Date.UTC(y + 1, 0, 1) / 864e5 - 1)
    days.set(y, to - from + 1)
  }
  const most = Math.max(...days.values())
  return new Map([...days].map(([y, d]) => [y, d / most]))
}

export class EventRanker {
  readonly #events: Prepared[]
  /** Entity id → how specific it is to an event (log of events / events it belongs to). */
  readonly #entityWeight = new Map<string, number>()
  /** Folded cue → [event index, weight][] */
  readonly #cues = new Map<string, { event: number; weight: number }[]>()
  readonly #cueRegex: RegExp | undefined

  /**
   * @param partIn entity id → event ids it has a part in (an entity's `partIn` keys): people count for the
   *   events they took part in even where the event's own lists do not name them.
   */
  constructor(
    events: readonly RankedEventData[],
    partIn: ReadonlyMap<string, readonly string[]> = new Map(),
  ) {
    this.#events = events.map((e) => {
      const entities = new Set<string>([...e.places, ...(e.entities ?? [])])
      for (const t of e.timeline ?? []) {
        t.entities?.forEach((id) => entities.add(id))
      }
      for (const r of e.results ?? []) {
        for (const p of r.parties) {
          ;[p.entity, p.leaderEntity].forEach((id) => id !== undefined && entities.add(id))
        }
      }
      const start = dayOf(e.start)
      const end = dayOf(e.end, true)
      return { id: e.id, start, end, years: yearShares(start, end), entities }
    })
    const index = new Map(events.map((e, i) => [e.id, i]))
    for (const [entity, ids] of partIn) {
      for (const id of ids) {
        const i = index.get(id)
        if (i !== undefined) {
          this.#events[i]?.entities.add(entity)
        }
      }
    }
    const n = this.#events.length
    const df = new Map<string, number>()
    for (const e of this.#events) {
      e.entities.forEach((id) => df.set(id, (df.get(id) ?? 0) + 1))
    }
    for (const [id, k] of df) {
      this.#entityWeight.set(id, Math.log(n / k))
    }

    const cueEvents = new Map<string, Set<number>>()
    events.forEach((e, i) => {
      const names = [...e.cues, ...(e.aka ?? []), ...(e.title ? Object.values(e.title) : [])]
      for (const cue of names) {
        const folded = foldForMatching(cue)
        if (folded.length < 3) {
          continue
        }
        const set = cueEvents.get(folded) ?? new Set()
        set.add(i)
        cueEvents.set(folded, set)
      }
    })
    for (const [cue, set] of cueEvents) {
      const weight = Math.log((n + 1) / set.size)
      this.#cues.set(
        cue,
        [...set].map((event) => ({ event, weight })),
      )
    }
    const alternatives = [...this.#cues.keys()]
      .sort((a, b) => b.length - a.length)
      .map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    // Starts on a word boundary; a longer cue may take a short inflected ending ("революции", "reservoirs").
    this.#cueRegex =
      alternatives.length > 0
        ? new RegExp(`(?<![\\p{L}\\p{N}])(${alternatives.join('|')})(\\p{L}{0,3})(?![\\p{L}\\p{N}])`, 'gu')
        : undefined
  }

  rank(evidence: EventEvidence): EventScore[] {
    const scores = this.#events.map(() => 0)
    this.#addPublished(evidence.published, scores)
    this.#addYears(evidence.texts, scores)
    this.#addEntities(evidence.entities, scores)
    this.#addCues(evidence.texts, scores)
    return this.#events
      .map((e, i) => ({ event: e.id, score: Math.round((scores[i] ?? 0) * 1000) / 1000 }))
      .filter((s) => s.score > 0)
      .sort((a, b) => b.score - a.score || a.event.localeCompare(b.event))
  }

  #addPublished(published: string | undefined, scores: number[]): void {
    const m = published?.match(/^\d{4}(-\d{2}(-\d{2})?)?/)
    if (!m) {
      return
    }
    const day = dayOf(m[0])
    this.#events.forEach((e, i) => {
      let s: number
      if (day < e.start - 45) {
        // Written before it happened: about something else.
        s = -2
      } else if (day < e.start) {
        // The run-up (pre-election coverage, a crisis building): possible, less likely than the event itself.
        s = 0.5
      } else if (day <= e.end + 30) {
        s = 1
      } else {
        // After it: likelier the nearer it is, fading over about a year.
        s = 1 / (1 + (day - e.end) / 120)
      }
      scores[i] = (scores[i] ?? 0) + W.published * s
    })
  }

  #addYears(texts: EventEvidence['texts'], scores: number[]): void {
    const years = new Map<number, number>()
    let total = 0
    for (const { text, weight } of texts) {
      for (const m of text.matchAll(/(?<!\d)(?:19[89]\d|20[0-4]\d)(?!\d)/g)) {
        const y = Number(m[0])
        years.set(y, (years.get(y) ?? 0) + weight)
        total += weight
      }
    }
    if (total === 0) {
      return
    }
    this.#events.forEach((e, i) => {
      let share = 0
      for (const [y, n] of years) {
        share += n * (e.years.get(y) ?? 0)
      }
      scores[i] = (scores[i] ?? 0) + (W.years * share) / total
    })
  }

  #addEntities(entities: EventEvidence['entities'], scores: number[]): void {
    for (const { entity, count } of entities) {
      const weight = this.#entityWeight.get(entity)
      if (weight === undefined || weight <= 0) {
        continue
      }
      const amount = W.entities * weight * Math.log2(1 + count)
      this.#events.forEach((e, i) => {
        if (e.entities.has(entity)) {
          scores[i] = (scores[i] ?? 0) + amount
        }
      })
    }
  }

  #addCues(texts: EventEvidence['texts'], scores: number[]): void {
    const regex = this.#cueRegex
    if (regex === undefined) {
      return
    }
    const hits = new Map<string, number>()
    for (const { text, weight } of texts) {
      regex.lastIndex = 0
      for (const m of foldForMatching(text).matchAll(regex)) {
        const cue = m[1] ?? ''
        // A short cue must match whole: "osh" is not "oshibka".
        if ((m[2] ?? '') !== '' && cue.length < 5) {
          continue
        }
        hits.set(cue, (hits.get(cue) ?? 0) + weight)
      }
    }
    for (const [cue, n] of hits) {
      for (const { event, weight } of this.#cues.get(cue) ?? []) {
        scores[event] = (scores[event] ?? 0) + W.cues * weight * Math.log2(1 + n)
      }
    }
  }
}

/** A date written in a URL's path ("/2022/09/16/", "/20221016…", "2022-01-28"), as ISO, when there is one. */
export function dateInUrl(url: string | undefined): string | undefined {
  if (url === undefined) {
    return undefined
  }
  const path = urlPath(url)
  const m =
    path.match(/(?<!\d)(20[0-4]\d|199\d)[/-](0?[1-9]|1[0-2])(?:[/-](0?[1-9]|[12]\d|3[01]))?(?!\d)/) ??
    path.match(/(?<!\d)(20[0-4]\d)\/(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)/) ??
    path.match(/(?<!\d)(20[0-4]\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])/)
  if (!m) {
    return undefined
  }
  const mm = (m[2] ?? '').padStart(2, '0')
  return m[3] !== undefined ? `${m[1]}-${mm}-${m[3].padStart(2, '0')}` : `${m[1]}-${mm}`
}
