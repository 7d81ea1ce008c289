/**
 * What a card shows, computed from the data and the mention: a plain model the card component renders.
 * Kept apart from the component so tests can check the content without rendering.
 *
 * Every fact carries numbered references into the card's own source list, numbered in the order the card
 * shows them, so a reader can follow any line to where it comes from.
 */
import { eventsOf, heldOn, nextAfter, rolesForDate, type DataIndex } from '../core/data-index.ts'
import type { Entity, EntityTypeName, KnownArticle, Localized, Role, Source } from '../data/schema.ts'
import { localized, type UiLanguage } from '../shared/i18n.ts'
import { Citations } from './citation-list.ts'

/** A statement with its date and the 1-based numbers of its sources in the card's source list. */
export interface Cited {
  text: string
  date?: string
  refs: number[]
}

export interface RoleView {
  title: string
  from: string
  to?: string
  /** Show "(acting)": the role is acting and its title does not already say so. */
  acting: boolean
  /** Held on the page's date. */
  current?: boolean
  refs: number[]
}

/** An entity's part in an event other than the page's. */
export interface OtherEventView {
  id: string
  title: string
  start: string
  items: Cited[]
}

export interface ArticleView {
  /** Mentions of this entity on the page, and which one the card is for (1-based). */
  count: number
  position: number
  /** For a known article (the seed): its outlet and what it says, quoted exactly. */
  outlet?: string
  statements: { quote: string; context?: Cited }[]
  refs: number[]
}

export interface EntityCardView {
  kind: 'entity'
  id: string
  type: EntityTypeName
  name: string
  /** The Cyrillic names (Russian, and Kyrgyz when it differs). */
  cyrillic: string[]
  born?: Cited
  summary: Cited
  roles: RoleView[]
  /** The page's event, when the card follows one: its title. */
  story?: string
  /** The entity's part in the page's event. */
  inThisStory: Cited[]
  /** Its part in the other events it belongs to, latest first (one step away on the card). */
  otherEvents: OtherEventView[]
  article: ArticleView
  next: Cited[]
  /** The article's own date, when "what happened next" starts after it. */
  nextAfter?: string
  /** The card's sources, in the order first cited. */
  sources: Source[]
}

export interface CandidateView {
  id: string
  name: string
  role?: RoleView
  distinguish?: string
  distinguishRefs?: number[]
}

export interface AmbiguousCardView {
  kind: 'ambiguous'
  surface: string
  candidates: CandidateView[]
  sources: Source[]
}

export type CardView = EntityCardView | AmbiguousCardView

/** Roles shown on a card: the most recent first. Older ones are in the sources. */
export const MAX_ROLES = 4

export interface CardContext {
  data: DataIndex
  lang: UiLanguage
  /** How many times the page names the entity, and which mention this is. */
  count: number
  position: number
  /** The page's publication date (ISO), when it has one. */
  published?: string
  /** The page's event (an event id), when the page is about one. */
  event?: string
  article?: KnownArticle
}

/** "Acting President" already says it: no "(acting)" after it. */
const SAYS_ACTING = /\b(acting|interim)\b|исполняющ|временн|и\. ?о\./i

function roleView(role: Role, lang: UiLanguage, refs: number[], day: string | undefined): RoleView {
  const title = localized(role.title, lang)
  return {
    title,
    from: role.from,
    ...(role.to !== undefined ? { to: role.to } : {}),
    acting: (role.acting ?? false) && !SAYS_ACTING.test(title),
    ...(day !== undefined && heldOn(role, day) ? { current: true } : {}),
    refs,
  }
}

export function entityCardView(entity: Entity, ctx: CardContext): EntityCardView {
  const { data, lang } = ctx
  const citations = new Citations()
  const fromEntities = (keys: readonly string[]): number[] => citations.cite(data.entitySources(keys))
  const fromEvents = (keys: readonly string[]): number[] => citations.cite(data.eventSources(keys))
  const cite = (f: { text: Localized; date?: string; sources: string[] }, events = false): Cited => ({
    text: localized(f.text, lang),
    ...(f.date !== undefined ? { date: f.date } : {}),
    refs: events ? fromEvents(f.sources) : fromEntities(f.sources),
  })

  const summary = cite(entity.summary)
  const born = entity.born
    ? {
        text: entity.born.place ? localized(entity.born.place, lang) : '',
        date: entity.born.date,
        refs: fromEntities(entity.born.sources),
      }
    : undefined
  const day = ctx.published
  const roles = rolesForDate(entity, day)
    .slice(0, MAX_ROLES)
    .map((r) => roleView(r, lang, fromEntities(r.sources), day))
  const story = ctx.event !== undefined ? data.event(ctx.event) : undefined
  const inThisStory = story ? (entity.partIn?.[story.id] ?? []).map((f) => cite(f)) : []
  const otherEvents = eventsOf(entity, data)
    .filter((e) => e.id !== story?.id)
    .map((e) => ({
      id: e.id,
      title: localized(e.title, lang),
      start: e.start,
      items: (entity.partIn?.[e.id] ?? []).map((f) => cite(f)),
    }))
  const statements = ctx.article ? ctx.data.statements(ctx.article, entity.id) : []
  const article: ArticleView = {
    count: ctx.count,
    position: ctx.position,
    statements: statements.map((s) =>
      s.context ? { quote: s.quote, context: cite(s.context, true) } : { quote: s.quote },
    ),
    refs: ctx.article && statements.length > 0 ? fromEvents(ctx.article.sources) : [],
    ...(ctx.article && statements.length > 0 ? { outlet: ctx.article.outlet } : {}),
  }
  const next = nextAfter(entity, ctx.published).map((f) => cite(f))
  return {
    kind: 'entity',
    id: entity.id,
    type: entity.type,
    name: entity.name.en,
    cyrillic: [...new Set([entity.name.ru, entity.name.ky].filter((n): n is string => n !== undefined))],
    ...(born ? { born } : {}),
    summary,
    roles,
    ...(story ? { story: localized(story.title, lang) } : {}),
    inThisStory,
    otherEvents,
    article,
    next,
    ...(ctx.published !== undefined ? { nextAfter: ctx.published } : {}),
    sources: citations.list,
  }
}

export function ambiguousCardView(
  surface: string,
  candidates: readonly string[],
  ctx: CardContext,
): AmbiguousCardView {
  const citations = new Citations()
  const views = candidates
    .map((id) => ctx.data.entity(id))
    .filter((e): e is Entity => e !== undefined)
    .map((e): CandidateView => {
      const r = rolesForDate(e, ctx.published)[0]
      const role = r
        ? roleView(r, ctx.lang, citations.cite(ctx.data.entitySources(r.sources)), ctx.published)
        : undefined
      const distinguish = e.distinguish
        ? {
            distinguish: localized(e.distinguish.text, ctx.lang),
            distinguishRefs: citations.cite(ctx.data.entitySources(e.distinguish.sources)),
          }
        : {}
      return { id: e.id, name: e.name.en, ...(role ? { role } : {}), ...distinguish }
    })
  return { kind: 'ambiguous', surface, candidates: views, sources: citations.list }
}
