/**
 * Queries over the bundled data for cards and the popup: look-ups, sources, what happened after a date,
 * and what a known article (the seed) says about an entity.
 */
import type {
  ArticleStatement,
  DatedFact,
  EntitiesFile,
  Entity,
  Event,
  EventsFile,
  KnownArticle,
  Role,
  Source,
} from '../data/schema.ts'
import { isoOrder } from './iso-date.ts'
import { foldForMatching } from './normalize.ts'
import { isoDay, type PageSignals } from './page-signals.ts'

export interface DataPack {
  entities: EntitiesFile
  events: EventsFile
}

export class DataIndex {
  readonly pack: DataPack
  readonly #entities: Map<string, Entity>

  constructor(pack: DataPack) {
    this.pack = pack
    this.#entities = new Map(pack.entities.entities.map((e) => [e.id, e]))
  }

  entity(id: string): Entity | undefined {
    return this.#entities.get(id)
  }

  get entities(): readonly Entity[] {
    return this.pack.entities.entities
  }

  /** Sources cited by an entity's facts (keys of entities.json's table). */
  entitySources(keys: readonly string[]): Source[] {
    return keys.map((k) => this.pack.entities.sources[k]).filter((s): s is Source => s !== undefined)
  }

  /** Sources cited in events.json. */
  eventSources(keys: readonly string[]): Source[] {
    return keys.map((k) => this.pack.events.sources[k]).filter((s): s is Source => s !== undefined)
  }

  /** Every source an entity's card cites, each once, in the order first cited. */
  allEntitySources(entity: Entity): Source[] {
    const keys = new Set<string>([
      ...(entity.born?.sources ?? []),
      ...entity.summary.sources,
      ...(entity.roles ?? []).flatMap((r) => r.sources),
      ...Object.values(entity.partIn ?? {}).flatMap((facts) => facts.flatMap((f) => f.sources)),
      ...(entity.next ?? []).flatMap((f) => f.sources),
    ])
    return this.entitySources([...keys])
  }

  event(id: string): Event | undefined {
    return this.pack.events.events.find((e) => e.id === id)
  }

  /** The known article this page is (the seed article, by its URL or its title), if any. */
  knownArticle(page: PageSignals): KnownArticle | undefined {
    const titles = [page.title, page.headline]
      .filter((t): t is string => t !== undefined)
      .map(foldForMatching)
    for (const ev of this.pack.events.events) {
      for (const article of ev.articles ?? []) {
        const title = foldForMatching(article.title)
        if (page.url !== undefined && article.urls.includes(page.url)) {
          return article
        }
        if (titles.some((t) => t.includes(title))) {
          return article
        }
      }
    }
    return undefined
  }

  statements(article: KnownArticle, entity: string): ArticleStatement[] {
    return article.statements.filter((s) => s.entity === entity)
  }
}

/** "What happened next": the dated items after `after` (an ISO date), or all of them without one. */
export function nextAfter(entity: Entity, after: string | undefined): DatedFact[] {
  const day = isoDay(after) ?? after
  const items = [...(entity.next ?? [])].sort((a, b) => a.date.localeCompare(b.date))
  return day === undefined ? items : items.filter((f) => isoOrder(f.date, day) > 0)
}

/** Roles, most recent first. */
export function rolesByRecency(entity: Entity): Role[] {
  return [...(entity.roles ?? [])].sort((a, b) => b.from.localeCompare(a.from))
}

/** Whether `role` was held on `day` (ISO of any precision: a month overlaps the days in it). */
export function heldOn(role: Role, day: string): boolean {
  return isoOrder(role.from, day) <= 0 && (role.to === undefined || isoOrder(role.to, day) >= 0)
}

/**
 * Roles for a card: those held on the page's date first (the one a reader of that page needs), then the
 * rest, most recent first. Without a date, most recent first.
 */
export function rolesForDate(entity: Entity, day: string | undefined): Role[] {
  const roles = rolesByRecency(entity)
  if (day === undefined) {
    return roles
  }
  return [...roles.filter((r) => heldOn(r, day)), ...roles.filter((r) => !heldOn(r, day))]
}

/** The event ids an entity has a part in, latest first. */
export function eventsOf(entity: Entity, data: DataIndex): Event[] {
  return Object.keys(entity.partIn ?? {})
    .map((id) => data.event(id))
    .filter((e): e is Event => e !== undefined)
    .sort((a, b) => b.start.localeCompare(a.start))
}
