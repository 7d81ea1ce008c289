/**
 * The recognition pipeline, the same in the extension and in the Node commands:
 * text (+ page signals) → matches → coverage decision → mentions with resolved entities.
 */
import type { Entity } from '../data/schema.ts'
import { detectCoverage } from './detect-coverage.ts'
import { disambiguate, rolePeriods, type Mention, type RolePeriods } from './disambiguate.ts'
import { buildEntityIndex, type EntityIndex } from './entity-index.ts'
import { isoDay, type PageSignals } from './page-signals.ts'
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
  /** Entities named in full on the page. */
  anchored: string[]
}

export interface Recognizer {
  index: EntityIndex
  roles: RolePeriods
}

/** Builds the matcher and the role table once; reuse the result for every page. */
export function createRecognizer(entities: readonly Entity[]): Recognizer {
  return { index: buildEntityIndex(entities), roles: rolePeriods(entities) }
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

export function recognize(recognizer: Recognizer, text: string, page: PageSignals = {}): Recognition {
  const hits = scanText(recognizer.index, text)
  const coverage = detectCoverage(recognizer.index, text, hits, page)
  if (!coverage.relevant) {
    return { relevant: false, score: coverage.score, mentions: [], entities: [], anchored: [] }
  }
  const published = isoDay(page.published)
  const { mentions, anchored } = disambiguate(
    published === undefined
      ? { index: recognizer.index, roles: recognizer.roles }
      : { index: recognizer.index, roles: recognizer.roles, published },
    text,
    hits,
  )
  return {
    relevant: true,
    score: coverage.score,
    mentions,
    entities: countEntities(mentions),
    anchored: [...anchored],
  }
}
