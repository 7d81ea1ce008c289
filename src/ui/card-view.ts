/**
 * What a card shows, computed from the data and the mention: a plain model the card component renders.
 * Kept apart from the component so tests can check the content without rendering.
 */
import { nextAfter, rolesByRecency, type DataIndex } from '../core/data-index.ts'
import type { Entity, EntityTypeName, KnownArticle, Source } from '../data/schema.ts'
import { localized, type UiLanguage } from '../shared/i18n.ts'

export interface Cited {
  text: string
  date?: string
  sources: Source[]
}

export interface RoleView {
  title: string
  from: string
  to?: string
  acting: boolean
  sources: Source[]
}

export interface ArticleView {
  /** Mentions of this entity on the page, and which one the card is for (1-based). */
  count: number
  position: number
  /** For a known article (the seed): its outlet and what it says, quoted exactly. */
  outlet?: string
  statements: { quote: string; context?: Cited }[]
  statementSources: Source[]
}

export interface EntityCardView {
  kind: 'entity'
  id: string
  type: EntityTypeName
  name: string
  /** The Cyrillic names (Russian, and Kyrgyz when it differs). */
  cyrillic: string[]
  born?: Cited
  roles: RoleView[]
  summary: Cited
  inThisStory: Cited[]
  article: ArticleView
  next: Cited[]
  /** The article's own date, when "what happened next" starts after it. */
  nextAfter?: string
  sources: Source[]
}

export interface CandidateView {
  id: string
  name: string
  role?: RoleView
  distinguish?: string
}

export interface AmbiguousCardView {
  kind: 'ambiguous'
  surface: string
  candidates: CandidateView[]
}

export type CardView = EntityCardView | AmbiguousCardView

/** Roles shown on a card: the most recent first, at most this many (the full list is in the sources). */
export const MAX_ROLES = 4

export interface CardContext {
  data: DataIndex
  lang: UiLanguage
  /** How many times the page names the entity, and which mention this is. */
  count: number
  position: number
  /** The page's publication date (ISO), when it has one. */
  published?: string
  article?: KnownArticle
}

function roleView(data: DataIndex, entity: Entity, lang: UiLanguage): RoleView[] {
  return rolesByRecency(entity)
    .slice(0, MAX_ROLES)
    .map((r) => ({
      title: localized(r.title, lang),
      from: r.from,
      ...(r.to !== undefined ? { to: r.to } : {}),
      acting: r.acting ?? false,
      sources: data.entitySources(r.sources),
    }))
}

export function entityCardView(entity: Entity, ctx: CardContext): EntityCardView {
  const { data, lang } = ctx
  const cite = (
    f: { text: { en: string; ru?: string }; date?: string; sources: string[] },
    events = false,
  ): Cited => ({
    text: localized(f.text, lang),
    ...(f.date !== undefined ? { date: f.date } : {}),
    sources: events ? data.eventSources(f.sources) : data.entitySources(f.sources),
  })
  const statements = ctx.article ? data.statements(ctx.article, entity.id) : []
  const cyrillic = [...new Set([entity.name.ru, entity.name.ky].filter((n): n is string => n !== undefined))]
  const view: EntityCardView = {
    kind: 'entity',
    id: entity.id,
    type: entity.type,
    name: entity.name.en,
    cyrillic,
    roles: roleView(data, entity, lang),
    summary: cite(entity.summary),
    inThisStory: (entity.inThisStory ?? []).map((f) => cite(f)),
    article: {
      count: ctx.count,
      position: ctx.position,
      statements: statements.map((s) =>
        s.context ? { quote: s.quote, context: cite(s.context, true) } : { quote: s.quote },
      ),
      statementSources: ctx.article && statements.length > 0 ? data.eventSources(ctx.article.sources) : [],
      ...(ctx.article && statements.length > 0 ? { outlet: ctx.article.outlet } : {}),
    },
    next: nextAfter(entity, ctx.published).map((f) => cite(f)),
    ...(ctx.published !== undefined ? { nextAfter: ctx.published } : {}),
    sources: data.allEntitySources(entity),
  }
  if (entity.born) {
    const place = entity.born.place ? `, ${localized(entity.born.place, lang)}` : ''
    view.born = { text: place, date: entity.born.date, sources: data.entitySources(entity.born.sources) }
  }
  return view
}

export function ambiguousCardView(
  surface: string,
  candidates: readonly string[],
  ctx: CardContext,
): AmbiguousCardView {
  return {
    kind: 'ambiguous',
    surface,
    candidates: candidates
      .map((id) => ctx.data.entity(id))
      .filter((e): e is Entity => e !== undefined)
      .map((e) => {
        const role = roleView(ctx.data, e, ctx.lang)[0]
        return {
          id: e.id,
          name: e.name.en,
          ...(role ? { role } : {}),
          ...(e.distinguish ? { distinguish: localized(e.distinguish, ctx.lang) } : {}),
        }
      }),
  }
}
